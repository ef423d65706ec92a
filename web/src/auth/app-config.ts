import { api, type AppConfig } from '../api/client';

let loading: Promise<AppConfig> | undefined;

/** `/config.json`, fetched once per page load (it only changes with a deployment); a failure is retried next time. */
export function appConfig(): Promise<AppConfig> {
  loading ??= api.config().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
