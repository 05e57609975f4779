import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealView } from '../../../../shared/contract/facts';
import {
  AMOUNT_PRECISIONS,
  DEAL_KINDS,
  DEAL_STATUSES,
  type AmountPrecision,
  type DealKind,
  type DealStatus,
} from '../../../../shared/domain/facts';
import { amountToInput, isKnownCurrency, parseAmountInput } from '../../../../shared/facts/amount';
import { api } from '../../bridge';
import { notifyFactsChanged } from '../events';
import { useFormat } from '../format';
import { EntityPicker } from './EntityPicker';
import { Field, fieldProps } from './Field';
import { FormDialog } from './FormDialog';
import type { PickerOption } from './RecordPicker';
import { useFormErrors } from './useFormErrors';
import { dateProblem, orNull } from './values';

const PATHS = {
  amountMinor: 'amount',
  amountMaxMinor: 'amountMax',
  payerId: 'payer',
  payeeId: 'payee',
  reportedById: 'reportedBy',
};

const ref = (e: { id: string; name: string } | null): PickerOption | null =>
  e ? { id: e.id, label: e.name } : null;

/** Values for a new deal, e.g. from a claim in an article. */
export interface DealDraft {
  subject?: string;
  amount?: string;
  currency?: string;
  precision?: AmountPrecision;
}

export function DealForm({
  view,
  draft,
  onClose,
  onSaved,
}: {
  view?: DealView | null;
  draft?: DealDraft;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation('facts');
  const { lang } = useFormat();
  const d = view?.deal;
  const [kind, setKind] = useState<DealKind>(d?.kind ?? 'transfer');
  const [subject, setSubject] = useState(d?.subject ?? draft?.subject ?? '');
  const [payer, setPayer] = useState<PickerOption | null>(ref(view?.payer ?? null));
  const [payee, setPayee] = useState<PickerOption | null>(ref(view?.payee ?? null));
  const [precision, setPrecision] = useState<AmountPrecision>(d?.precision ?? draft?.precision ?? 'exact');
  const [currency, setCurrency] = useState(d?.currency ?? draft?.currency ?? 'EUR');
  const [amount, setAmount] = useState(
    d?.amountMinor != null && d.currency
      ? amountToInput(d.amountMinor, d.currency, lang)
      : (draft?.amount ?? ''),
  );
  const [amountMax, setAmountMax] = useState(
    d?.amountMaxMinor != null && d.currency ? amountToInput(d.amountMaxMinor, d.currency, lang) : '',
  );
  const [dateFrom, setDateFrom] = useState(d?.dateFrom ?? '');
  const [dateTo, setDateTo] = useState(d?.dateTo ?? '');
  const [status, setStatus] = useState<DealStatus>(d?.status ?? 'reported');
  const [reportedBy, setReportedBy] = useState<PickerOption | null>(ref(view?.reportedBy ?? null));
  const [notes, setNotes] = useState(d?.notes ?? '');
  const [busy, setBusy] = useState(false);

  const labels = useMemo(
    () => ({
      kind: t('deal.kind'),
      subject: t('deal.subject'),
      payer: t('deal.payer'),
      payee: t('deal.payee'),
      precision: t('deal.precision'),
      amount: precision === 'range' ? t('deal.amountFrom') : t('deal.amount'),
      amountMax: t('deal.amountTo'),
      currency: t('deal.currency'),
      dateFrom: t('deal.dateFrom'),
      dateTo: t('deal.dateTo'),
      status: t('deal.status'),
      reportedBy: t('deal.reportedBy'),
      notes: t('deal.notes'),
    }),
    [t, precision],
  );
  const { errors, formError, showProblems, showError } = useFormErrors(labels, PATHS);
  const disclosed = precision !== 'undisclosed';

  const submit = async () => {
    const problems: { path: string; message: string }[] = [];
    const cur = currency.trim().toUpperCase();
    if (!subject.trim()) problems.push({ path: 'subject', message: 'must not be empty' });
    if (payer && payee && payer.id === payee.id)
      problems.push({ path: 'payee', message: 'must differ from the payer (payer and payee must differ)' });
    let amountMinor: number | null = null;
    let amountMaxMinor: number | null = null;
    if (disclosed) {
      if (!isKnownCurrency(cur))
        problems.push({ path: 'currency', message: 'must be an ISO 4217 currency code such as EUR' });
      const parsed = parseAmountInput(amount, isKnownCurrency(cur) ? cur : 'EUR', lang);
      if (parsed.ok) amountMinor = parsed.minor;
      else problems.push({ path: 'amount', message: parsed.message });
      if (precision === 'range') {
        const max = parseAmountInput(amountMax, isKnownCurrency(cur) ? cur : 'EUR', lang);
        if (max.ok) amountMaxMinor = max.minor;
        else problems.push({ path: 'amountMax', message: max.message });
      }
    }
    for (const [path, v] of [
      ['dateFrom', dateFrom],
      ['dateTo', dateTo],
    ] as const) {
      const p = dateProblem(v);
      if (p) problems.push({ path, message: p });
    }
    if (problems.length) return showProblems(problems);
    const input = {
      kind,
      subject,
      payerId: payer?.id ?? null,
      payeeId: payee?.id ?? null,
      amountMinor,
      amountMaxMinor,
      currency: disclosed ? cur : null,
      precision,
      dateFrom: orNull(dateFrom),
      dateTo: orNull(dateTo),
      status,
      reportedById: reportedBy?.id ?? null,
      notes: orNull(notes),
    };
    setBusy(true);
    const r = d ? await api.facts.dealUpdate({ id: d.id, ...input }) : await api.facts.dealCreate(input);
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifyFactsChanged();
    onSaved(r.value.id);
  };

  return (
    <FormDialog
      title={d ? t('deal.editTitle') : t('deal.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      formError={formError}
    >
      <Field id="deal-subject" label={labels.subject} error={errors.subject} wide>
        <input
          {...fieldProps('deal-subject', errors.subject)}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </Field>
      <Field id="deal-kind" label={labels.kind}>
        <select
          {...fieldProps('deal-kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as DealKind)}
        >
          {DEAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dealKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="deal-status" label={labels.status}>
        <select
          {...fieldProps('deal-status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as DealStatus)}
        >
          {DEAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`dealStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="deal-payer" label={labels.payer} error={errors.payer}>
        <EntityPicker
          id="deal-payer"
          value={payer}
          onChange={setPayer}
          createKind="club"
          error={errors.payer}
        />
      </Field>
      <Field id="deal-payee" label={labels.payee} error={errors.payee}>
        <EntityPicker
          id="deal-payee"
          value={payee}
          onChange={setPayee}
          createKind="club"
          error={errors.payee}
        />
      </Field>
      <Field id="deal-precision" label={labels.precision}>
        <select
          {...fieldProps('deal-precision')}
          value={precision}
          onChange={(e) => setPrecision(e.target.value as AmountPrecision)}
        >
          {AMOUNT_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {t(`precision.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      {disclosed && (
        <>
          <Field id="deal-amount" label={labels.amount} error={errors.amount}>
            <input
              {...fieldProps('deal-amount', errors.amount)}
              inputMode="decimal"
              placeholder={lang === 'de' ? '2,5 Mio.' : '2.5m'}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
          {precision === 'range' && (
            <Field id="deal-amount-max" label={labels.amountMax} error={errors.amountMax}>
              <input
                {...fieldProps('deal-amount-max', errors.amountMax)}
                inputMode="decimal"
                value={amountMax}
                onChange={(e) => setAmountMax(e.target.value)}
              />
            </Field>
          )}
          <Field id="deal-currency" label={labels.currency} error={errors.currency}>
            <input
              {...fieldProps('deal-currency', errors.currency)}
              list="fact-currencies"
              maxLength={3}
              className="currency-input"
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
            <datalist id="fact-currencies">
              {['EUR', 'GBP', 'CHF', 'USD', 'DKK', 'SEK', 'PLN'].map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </Field>
        </>
      )}
      <Field id="deal-from" label={labels.dateFrom} error={errors.dateFrom}>
        <input
          {...fieldProps('deal-from', errors.dateFrom)}
          placeholder={t('form.datePlaceholder')}
          value={dateFrom}
          onChange={(e) => setDateFrom(e.target.value)}
        />
      </Field>
      <Field id="deal-to" label={labels.dateTo} error={errors.dateTo}>
        <input
          {...fieldProps('deal-to', errors.dateTo)}
          placeholder={t('form.datePlaceholder')}
          value={dateTo}
          onChange={(e) => setDateTo(e.target.value)}
        />
      </Field>
      <Field id="deal-reported-by" label={labels.reportedBy} error={errors.reportedBy}>
        <EntityPicker
          id="deal-reported-by"
          value={reportedBy}
          onChange={setReportedBy}
          kinds={['media', 'broadcaster']}
          createKind="media"
          error={errors.reportedBy}
        />
      </Field>
      <Field id="deal-notes" label={labels.notes} error={errors.notes} wide>
        <textarea
          {...fieldProps('deal-notes', errors.notes)}
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
