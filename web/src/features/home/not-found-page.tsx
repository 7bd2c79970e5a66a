import { useTranslation } from 'react-i18next';
import { href } from '../../router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('errors.notFoundPage')}</h1>
      <p>
        <a href={href('/')}>{t('nav.home')}</a>
      </p>
    </div>
  );
}
