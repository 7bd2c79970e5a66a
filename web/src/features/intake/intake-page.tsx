import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { pickText } from '../../bilingual';
import { ErrorMessage, Loading } from '../../components/feedback';
import { type IntakeView, intakeApi, localeOfInterview } from './intake-api';
import { IntakeQuestionForm, type QuestionAnswer } from './intake-question';
import { IntakeClosed, IntakeDone, IntakeEmergency } from './intake-screens';

/** After this many answers the patient may finish early (the chief complaint is the first). */
const FINISH_EARLY_AFTER = 3;

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('CLIENT', 0, String(error));
}

/**
 * The patient's history-taking page (`#/intake/:token`). No account: the token in the link is
 * the credential. No app header or menus, one question per screen, sized for a phone first.
 * The page speaks the interview's language whatever the browser's.
 */
export function IntakePage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<IntakeView | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError | undefined>(undefined);
  const [answerError, setAnswerError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirmFinish, setConfirmFinish] = useState(false);

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      setView(await intakeApi.open(token));
    } catch (error) {
      setLoadError(asApiError(error));
    }
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const language = view?.language;
  useEffect(() => {
    if (!language) return;
    const locale = localeOfInterview(language);
    // Not stored: the choice belongs to this interview, not to the device.
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [language, i18n]);

  const send = useCallback(
    async (call: () => Promise<IntakeView>) => {
      setBusy(true);
      setAnswerError(undefined);
      try {
        setView(await call());
        setConfirmFinish(false);
        window.scrollTo(0, 0);
      } catch (error) {
        const apiError = asApiError(error);
        // Moved on in another window, or closed meanwhile: show what the server has now.
        if (apiError.status === 409 || apiError.status === 410) await load();
        else setAnswerError(apiError.message);
      } finally {
        setBusy(false);
      }
    },
    [load],
  );

  const answer = (reply: QuestionAnswer) => {
    if (!view?.question) return;
    const { id } = view.question;
    const version = view.version;
    void send(() => intakeApi.answer(token, { questionId: id, ...reply, version }));
  };
  const finish = () => void send(() => intakeApi.finish(token));

  let body: ReactNode;
  if (loadError) {
    body =
      loadError.status === 404 || loadError.status === 400 ? (
        <IntakeClosed reason="not-found" />
      ) : (
        <ErrorMessage error={loadError} onRetry={() => void load()} />
      );
  } else if (!view) {
    body = <Loading />;
  } else if (view.status === 'emergency' && view.emergency) {
    body = <IntakeEmergency emergency={view.emergency} language={view.language} />;
  } else if (view.status === 'finished') {
    body = <IntakeDone />;
  } else if (view.status !== 'open') {
    body = <IntakeClosed reason={view.status === 'expired' ? 'expired' : 'closed'} />;
  } else {
    const { asked, estimatedRemaining } = view.progress;
    const share = view.complete ? 1 : asked / Math.max(1, asked + estimatedRemaining);
    body = (
      <>
        <div className="intake-progress" data-testid="intake-progress">
          <div
            className="intake-progress-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
            aria-label={t('intake.progressLabel')}
          >
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          <p className="intake-progress-text">
            {view.complete ? t('intake.allAnswered') : t('intake.progress', { asked, remaining: estimatedRemaining })}
          </p>
        </div>
        {view.retry && (
          <p className="alert alert-warning" role="status" data-testid="intake-retry">
            {pickText(view.retry, view.language)}
          </p>
        )}
        {answerError && (
          <p className="alert alert-error" role="alert" data-testid="intake-error">
            {answerError}
          </p>
        )}
        {view.question ? (
          <IntakeQuestionForm
            key={`${view.question.id}:${view.version}`}
            question={view.question}
            mode={view.mode}
            busy={busy}
            onAnswer={answer}
          />
        ) : (
          <div className="intake-question" data-testid="intake-complete">
            <h1 className="intake-question-text">{t('intake.completeTitle')}</h1>
            <p className="intake-help">{t('intake.completeText')}</p>
          </div>
        )}
        {view.complete ? (
          <button
            type="button"
            className="button button-primary intake-finish"
            disabled={busy}
            onClick={finish}
            data-testid="intake-finish"
          >
            {t('intake.finish')}
          </button>
        ) : (
          asked >= FINISH_EARLY_AFTER && (
            <div className="intake-finish-early">
              {confirmFinish ? (
                <>
                  <p>{t('intake.finishEarlyConfirm')}</p>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={busy}
                      onClick={finish}
                      data-testid="intake-finish-confirm"
                    >
                      {t('intake.finishEarlyYes')}
                    </button>
                    <button type="button" className="button" disabled={busy} onClick={() => setConfirmFinish(false)}>
                      {t('intake.finishEarlyNo')}
                    </button>
                  </div>
                </>
              ) : (
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={busy}
                  onClick={() => setConfirmFinish(true)}
                  data-testid="intake-finish-early"
                >
                  {t('intake.finishEarly')}
                </button>
              )}
            </div>
          )
        )}
      </>
    );
  }

  return (
    <div
      className="intake-app"
      data-testid="intake-page"
      data-status={view?.status ?? (loadError ? 'error' : 'loading')}
      data-version={view?.version}
    >
      <header className="intake-header">
        <span className="intake-brand">
          素问 <span className="muted">Suwen</span>
        </span>
        <span className="intake-language" data-testid="intake-language">
          {t('intake.languageLabel')}
        </span>
      </header>
      <main id="main" className="intake-main">
        {body}
      </main>
      <footer className="intake-footer">
        <p data-testid="intake-disclaimer">{view ? pickText(view.disclaimer, view.language) : t('intake.disclaimer')}</p>
      </footer>
    </div>
  );
}
