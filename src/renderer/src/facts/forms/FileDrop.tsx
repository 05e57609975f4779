import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Choose a file with the system dialog or drop it here. The visible label opens the
 * dialog; the drop area accepts one file dragged from the desktop.
 */
export function FileDrop({
  label,
  onFile,
  current,
}: {
  label: string;
  onFile(file: File): void;
  current?: string | null;
}) {
  const { t } = useTranslation('facts');
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <div
      role="group"
      aria-label={t('file.dropArea')}
      className={`file-drop ${over ? 'is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <label htmlFor={id} className="file-drop-button">
        {label}
      </label>
      <input
        id={id}
        type="file"
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <span className="muted">{current ?? t('file.dropHint')}</span>
    </div>
  );
}
