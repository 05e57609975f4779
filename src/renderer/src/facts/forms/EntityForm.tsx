import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../../../../shared/domain/facts';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { Field, fieldProps } from './Field';
import { FormDialog } from './FormDialog';
import { useFormErrors } from './useFormErrors';
import { orNull } from './values';

export function EntityForm({
  entity,
  onClose,
  onSaved,
}: {
  entity?: Entity | null;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation('facts');
  const [kind, setKind] = useState<EntityKind>(entity?.kind ?? 'person');
  const [name, setName] = useState(entity?.name ?? '');
  const [aliases, setAliases] = useState((entity?.aliases ?? []).join('\n'));
  const [note, setNote] = useState(entity?.note ?? '');
  const [busy, setBusy] = useState(false);
  const labels = useMemo(
    () => ({
      kind: t('entity.kind'),
      name: t('entity.name'),
      aliases: t('entity.aliases'),
      note: t('entity.note'),
    }),
    [t],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels);

  const submit = async () => {
    if (!name.trim()) return showProblems([{ path: 'name', message: 'must not be empty' }]);
    const input = {
      kind,
      name,
      aliases: aliases
        .split(/[\n,]/)
        .map((a) => a.trim())
        .filter(Boolean),
      note: orNull(note),
    };
    setBusy(true);
    const r = entity
      ? await api.facts.entityUpdate({ id: entity.id, ...input })
      : await api.facts.entityCreate(input);
    setBusy(false);
    if (!r.ok)
      return showError({
        ...r.error,
        fields: r.error.fields?.map((f) => ({ ...f, path: f.path.split('.')[0] })),
      });
    notifyFactsChanged();
    onSaved(r.value.id);
  };

  return (
    <FormDialog
      title={entity ? t('entity.editTitle') : t('entity.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      formError={formError}
    >
      <Field id="entity-name" label={labels.name} error={errors.name} wide>
        <input
          {...fieldProps('entity-name', errors.name)}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="entity-kind" label={labels.kind} error={errors.kind}>
        <select
          {...fieldProps('entity-kind', errors.kind)}
          value={kind}
          onChange={(e) => setKind(e.target.value as EntityKind)}
        >
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`entityKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="entity-aliases" label={labels.aliases} error={errors.aliases} wide>
        <textarea
          {...fieldProps('entity-aliases', errors.aliases)}
          rows={3}
          placeholder={t('entity.aliasesHint')}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </Field>
      <Field id="entity-note" label={labels.note} error={errors.note} wide>
        <textarea
          {...fieldProps('entity-note', errors.note)}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
