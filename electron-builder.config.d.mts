import type { Configuration } from 'app-builder-lib';

declare const config: Configuration;
export default config;
