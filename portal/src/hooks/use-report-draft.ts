/** The report being written, with stable updaters the fields can share. */
import { useCallback, useState } from 'react';
import { emptyDraft, type ReportDraft } from '../model/report-draft.js';

export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const update = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const answer = useCallback(
    (code: string, value: string | string[]) =>
      setDraft((d) => ({ ...d, answers: { ...d.answers, [code]: value } })),
    [],
  );
  const chooseService = useCallback(
    (serviceCode: string) => setDraft((d) => ({ ...d, serviceCode, answers: {} })),
    [],
  );
  return { draft, update, answer, chooseService };
}
