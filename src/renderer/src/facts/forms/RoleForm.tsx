import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleView } from '../../../../shared/contract/facts';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { EntityPicker } from './EntityPicker';
import { Field, fieldProps } from './Field';
import { FormDialog } from './FormDialog';
import type { PickerOption } from './RecordPicker';
import { useFormErrors } from './useFormErrors';
import { dateProblem, orNull } from './values';

/** A role a person held over a time: "Kapitänin, SV Rotheide, since 2023-07-01". */
export function RoleForm({
  personId,
  role,
  onClose,
}: {
  personId: string;
  role?: RoleView | null;
  onClose(): void;
}) {
  const { t } = useTranslation('facts');
  const [title, setTitle] = useState(role?.title ?? '');
  const [organisation, setOrganisation] = useState<PickerOption | null>(
    role?.organisation ? { id: role.organisation.id, label: role.organisation.name } : null,
  );
  const [from, setFrom] = useState(role?.from ?? '');
  const [to, setTo] = useState(role?.to ?? '');
  const [busy, setBusy] = useState(false);
  const labels = useMemo(
    () => ({
      title: t('role.title'),
      organisation: t('role.organisation'),
      from: t('role.from'),
      to: t('role.to'),
    }),
    [t],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels, {
    organisationId: 'organisation',
  });

  const submit = async () => {
    const problems: { path: string; message: string }[] = [];
    if (!title.trim()) problems.push({ path: 'title', message: 'must not be empty' });
    for (const [path, v] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const p = dateProblem(v);
      if (p) problems.push({ path, message: p });
    }
    if (problems.length) return showProblems(problems);
    const input = {
      personId,
      title,
      organisationId: organisation?.id ?? null,
      from: orNull(from),
      to: orNull(to),
    };
    setBusy(true);
    const r = role
      ? await api.facts.roleUpdate({ id: role.id, ...input })
      : await api.facts.roleCreate(input);
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifyFactsChanged();
    onClose();
  };

  return (
    <FormDialog
      title={role ? t('role.editTitle') : t('role.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      formError={formError}
    >
      <Field id="role-title" label={labels.title} error={errors.title} wide>
        <input
          {...fieldProps('role-title', errors.title)}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field id="role-organisation" label={labels.organisation} error={errors.organisation} wide>
        <EntityPicker
          id="role-organisation"
          value={organisation}
          onChange={setOrganisation}
          kinds={['club', 'company', 'broadcaster', 'media', 'competition']}
          createKind="club"
          error={errors.organisation}
        />
      </Field>
      <Field id="role-from" label={labels.from} error={errors.from}>
        <input
          {...fieldProps('role-from', errors.from)}
          placeholder={t('form.datePlaceholder')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </Field>
      <Field id="role-to" label={labels.to} error={errors.to}>
        <input
          {...fieldProps('role-to', errors.to)}
          placeholder={t('form.datePlaceholder')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
