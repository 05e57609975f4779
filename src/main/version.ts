import pkg from '../../package.json';

/** Its own module so `factdesk --help` and `--version` print it without loading the store. */
export const APP_VERSION: string = pkg.version;
