import { ConfigError, type SuwenConfig } from '../config/load-config.js';
import { analyzerConfigSchema } from './analyzer.js';
import type { AnalyzerConfig } from './phi-types.js';

/** The deployment's analyzer settings (`deidAnalyzer` in the config file), validated, every problem named. */
export function deidAnalyzerConfigOf(config: SuwenConfig): AnalyzerConfig | undefined {
  if (!config.deidAnalyzer) return undefined;
  const parsed = analyzerConfigSchema.safeParse(config.deidAnalyzer);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => `deidAnalyzer.${i.path.join('.')} in ${config.configFile ?? 'the config file'}: ${i.message}`),
  );
}
