// Reads DOCX exports the way mammoth does (to HTML) on a thread of its own. The XSS pass converts
// two DOCX files per article; on the test's main thread that work held up every DevTools message
// of the app and export pages waiting behind it.
import { parentPort } from 'node:worker_threads';
import mammoth from 'mammoth';

parentPort.on('message', async ({ id, file }) => {
  try {
    const { value } = await mammoth.convertToHtml({ path: file });
    parentPort.postMessage({ id, html: value });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
