/** The Sift release, shared by the extension and the CLI. */
export const SIFT_VERSION = '0.1.0';
