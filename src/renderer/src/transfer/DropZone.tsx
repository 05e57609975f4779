import { useEffect, useRef, useState } from 'react';
import { useLatestRef } from '../app/latestRef';
import { useTranslation } from 'react-i18next';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** A modal of some other feature is open: its own drop areas decide what a dropped file means there. */
function otherDialogOpen(): boolean {
  return Array.from(document.querySelectorAll('dialog[open]')).some(
    (d) => !d.classList.contains('transfer-dialog'),
  );
}

/**
 * Files dragged anywhere onto the window are imported as new articles. While files hover, an
 * overlay says so; drops that a field or dialog already handled (they prevent the default) are
 * left alone, and the browser never navigates to a dropped file.
 */
export function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const { t } = useTranslation('transfer');
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const callback = useLatestRef(onFiles);

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e) || otherDialogOpen()) return;
      depth.current++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = otherDialogOpen() ? 'none' : 'copy';
    };
    const drop = (e: DragEvent) => {
      depth.current = 0;
      setOver(false);
      if (!hasFiles(e)) return;
      if (e.defaultPrevented) return;
      e.preventDefault();
      if (otherDialogOpen()) return;
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) callback.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [callback]);

  return (
    <div
      role="region"
      aria-label={t('dropZone')}
      className={`transfer-drop ${over ? 'is-over' : ''}`}
      aria-hidden={!over}
    >
      {over && <p>{t('dropText')}</p>}
    </div>
  );
}
