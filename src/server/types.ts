import type { Principal } from '../auth/roles.js';
import type { Locale } from '../shared/locale.js';

/** Everything a route needs, built once per process by the composition root (`src/app/`). */
export type { Services } from '../app/services.js';

export interface AppVariables {
  requestId: string;
  locale: Locale;
  principal: Principal | null;
  clientIp: string | null;
}

export interface AppEnv {
  Variables: AppVariables;
}
