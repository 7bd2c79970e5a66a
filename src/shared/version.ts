/** Suwen's version, kept in step with package.json (a test checks). */
export const SUWEN_VERSION = '0.1.0';
