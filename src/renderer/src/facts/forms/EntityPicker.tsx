import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityKind } from '../../../../shared/domain/facts';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { useFormPending } from './formPending';
import { RecordPicker, type PickerOption } from './RecordPicker';
import { errorSentence } from '../../errors/errorSentence';

interface Props {
  id: string;
  value: PickerOption | null;
  onChange(value: PickerOption | null): void;
  /** Only these kinds are offered (and can be created). */
  kinds?: readonly EntityKind[];
  /** The kind a new entity gets by default. */
  createKind?: EntityKind;
  error?: string | null;
}

/** Picks an entity by name or alias as you type, or creates a new one on the spot. */
export function EntityPicker({ id, value, onChange, kinds, createKind, error }: Props) {
  const { t } = useTranslation('facts');
  const [creating, setCreating] = useState<string | null>(null);
  const allowed = kinds ?? ENTITY_KINDS;
  const [kind, setKind] = useState<EntityKind>(createKind ?? allowed[0]);
  const [createError, setCreateError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const track = useFormPending();

  const search = useCallback(
    async (query: string): Promise<PickerOption[]> => {
      const r = await api.facts.entitySuggest({ query, kinds: kinds ? [...kinds] : undefined, limit: 8 });
      if (!r.ok) return [];
      return r.value.map((e) => ({
        id: e.id,
        label: e.name,
        detail: [t(`entityKind.${e.kind}`), ...e.aliases.slice(0, 2)].join(' · '),
      }));
    },
    [kinds, t],
  );

  // The form's Save waits until the new entry is the field's value (tracked as a whole, so the
  // value is set before Save is enabled again), and a second click cannot create a twin.
  const create = async () => {
    if (creating === null || saving) return;
    setSaving(true);
    await track(
      (async () => {
        const r = await api.facts.entityCreate({ kind, name: creating }).finally(() => setSaving(false));
        if (!r.ok) {
          setCreateError(r.error.fields?.[0]?.message ?? errorSentence(r.error));
          return;
        }
        setCreating(null);
        setCreateError(null);
        onChange({ id: r.value.id, label: r.value.name, detail: t(`entityKind.${r.value.kind}`) });
        notifyFactsChanged();
      })(),
    );
  };

  return (
    <RecordPicker
      id={id}
      value={value}
      onChange={onChange}
      search={search}
      invalid={Boolean(error)}
      describedBy={error ? `${id}-error` : undefined}
      onCreate={(text) => {
        setCreating(text);
        setKind(createKind ?? allowed[0]);
      }}
      createLabel={(text) => t('picker.createEntity', { name: text })}
    >
      {creating !== null && (
        <div
          className="inline-create"
          role="group"
          aria-label={t('picker.newEntityGroup', { name: creating })}
          aria-busy={saving || undefined}
        >
          <span>{t('picker.newEntity', { name: creating })}</span>
          <select
            aria-label={t('picker.kindOfNew')}
            value={kind}
            onChange={(e) => setKind(e.target.value as EntityKind)}
          >
            {allowed.map((k) => (
              <option key={k} value={k}>
                {t(`entityKind.${k}`)}
              </option>
            ))}
          </select>
          <button type="button" disabled={saving} onClick={() => void create()}>
            {t('picker.createButton')}
          </button>
          <button type="button" onClick={() => setCreating(null)}>
            {t('form.cancel')}
          </button>
          {createError && <span className="field-error">{createError}</span>}
        </div>
      )}
    </RecordPicker>
  );
}
