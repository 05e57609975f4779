import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskFactKind } from '../../../../shared/desk/names';
import { api } from '../../bridge';
import { errorSentence } from '../../errors/errorSentence';

/** "Keep local (not shared)": a fact that stays on this computer when the fact store is shared with a desk. */
export function KeepLocal({ type, id }: { type: DeskFactKind; id: string }) {
  const { t } = useTranslation('facts');
  const [local, setLocal] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.facts.deskLocal({ type, id }).then((r) => {
      if (!live) return;
      if (r.ok) setLocal(r.value.local);
      else setError(errorSentence(r.error));
    });
    return () => {
      live = false;
    };
  }, [type, id]);
  if (local === null && !error) return null;
  return (
    <div className="keep-local">
      <label>
        <input
          type="checkbox"
          checked={local ?? false}
          onChange={async (e) => {
            const wanted = e.target.checked;
            const was = local;
            // Shown at once; put back if the store refuses.
            setLocal(wanted);
            const r = await api.facts.deskLocal({ type, id, local: wanted });
            if (r.ok) {
              setLocal(r.value.local);
              setError(null);
            } else {
              setLocal(was);
              setError(errorSentence(r.error));
            }
          }}
        />
        {t('desk.keepLocal')}
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
