import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  id: string;
  label: string;
  /** A second, quieter line (kind, aliases, speaker). */
  detail?: string;
}

interface Props {
  id: string;
  /** The chosen record, or null. */
  value: PickerOption | null;
  onChange(value: PickerOption | null): void;
  search(query: string): Promise<PickerOption[]>;
  /** Offered as the last option when something is typed: "Create “…”". */
  onCreate?(text: string): void;
  createLabel?(text: string): string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  /** Extra UI under the field (e.g. an inline "create" row). */
  children?: ReactNode;
}

/**
 * A type-ahead combobox (WAI-ARIA combobox with a listbox popup): type to search,
 * arrows to move, Enter to choose, Escape to close; the last option creates a new record.
 */
export function RecordPicker({
  id,
  value,
  onChange,
  search,
  onCreate,
  createLabel,
  invalid,
  describedBy,
  placeholder,
  children,
}: Props) {
  const { t } = useTranslation('facts');
  const listId = useId();
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [active, setActive] = useState(0);
  const request = useRef(0);
  const typed = useRef(false);
  // The list closes a moment after the field loses focus; coming back (or typing) within that
  // moment must not let the old close land on the newly opened list.
  const closing = useRef<number | undefined>(undefined);
  const stayOpen = () => {
    window.clearTimeout(closing.current);
    setOpen(true);
  };
  useEffect(() => () => window.clearTimeout(closing.current), []);

  useEffect(() => {
    if (!typed.current) setText(value?.label ?? '');
  }, [value]);

  useEffect(() => {
    if (!open) return;
    const n = ++request.current;
    const timer = window.setTimeout(() => {
      void search(text).then((found) => {
        if (n !== request.current) return;
        setOptions(found);
        setActive(0);
      });
    }, 60);
    return () => window.clearTimeout(timer);
  }, [text, open, search]);

  const trimmed = text.trim();
  const exact = options.some((o) => o.label.toLowerCase() === trimmed.toLowerCase());
  const canCreate = Boolean(onCreate && trimmed && !exact);
  const count = options.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    typed.current = false;
    setOpen(false);
    if (index < options.length) {
      onChange(options[index]);
      setText(options[index].label);
    } else if (canCreate) {
      onCreate!(trimmed);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      if (!open) stayOpen();
      else setActive((a) => Math.min(count - 1, a + 1));
    } else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && open && count > 0) choose(active);
    else if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    } else return;
    e.preventDefault();
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="record-picker">
      <div className="record-picker-row">
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && count > 0 ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            typed.current = true;
            setText(e.target.value);
            stayOpen();
            if (value && e.target.value !== value.label) onChange(null);
          }}
          onFocus={stayOpen}
          onBlur={() => {
            // Let a click on an option land before the list closes.
            window.clearTimeout(closing.current);
            closing.current = window.setTimeout(() => setOpen(false), 150);
            if (!value) typed.current = text.trim() !== '';
          }}
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('picker.clear')}
            onClick={() => {
              typed.current = false;
              onChange(null);
              setText('');
            }}
          >
            ×
          </button>
        )}
      </div>
      {open && count > 0 && (
        <div role="listbox" id={listId} className="record-picker-list" aria-label={t('picker.suggestions')}>
          {options.map((o, i) => (
            <div
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              <span>{o.label}</span>
              {o.detail && <span className="muted"> · {o.detail}</span>}
            </div>
          ))}
          {canCreate && (
            <div
              id={optionId(options.length)}
              role="option"
              aria-selected={active === options.length}
              className={`create-option ${active === options.length ? 'is-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(options.length)}
            >
              {createLabel ? createLabel(trimmed) : t('picker.create', { text: trimmed })}
            </div>
          )}
        </div>
      )}
      {children}
    </div>
  );
}
