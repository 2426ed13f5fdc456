/** Sends the report through `intake.submit`; on refusal keeps the server's per-field messages. */
import { useState } from 'react';
import type { FieldError } from '@civicdesk/schemas';
import { api } from '../api/client.js';
import { fieldErrorsOf, serverMessage } from '../api/errors.js';
import type { toSubmission } from '../model/report-draft.js';

export type SubmitState =
  { kind: 'editing'; errors: FieldError[]; general: string | null; round: number } | { kind: 'sending' };

export interface Submitted {
  service_request_id: string;
  token: string;
}

export function useSubmitReport(onSubmitted: (result: Submitted) => void) {
  const [state, setState] = useState<SubmitState>({ kind: 'editing', errors: [], general: null, round: 0 });
  const submit = async (submission: ReturnType<typeof toSubmission>) => {
    const round = state.kind === 'editing' ? state.round + 1 : 1;
    setState({ kind: 'sending' });
    try {
      const result = await api.intake.submit.mutate(submission);
      onSubmitted({ service_request_id: String(result.service_request_id), token: result.token });
    } catch (error) {
      const errors = fieldErrorsOf(error);
      setState({
        kind: 'editing',
        errors,
        general: errors.length ? null : (serverMessage(error) ?? ''),
        round,
      });
    }
  };
  return { state, submit };
}
