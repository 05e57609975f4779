/** The desk server's public API (the CLI, the app's desk tests and benches use these). */
export { startDeskServer, type DeskServerOptions, type RunningDeskServer } from './server';
export { addDeskUser, revokeDeskUser, DeskUserInputError } from './users';
export { openDeskStorage } from './storage/open';
export {
  type DeskStorage,
  type DeskStorageOptions,
  type DeskUserRecord,
  type DeskDocumentInfo,
} from './storage/storage';
export { DeskRefusal } from './auth';
