/** "Follow this one instead": subscribes an email address to an existing request's updates. */
import { useState } from 'react';
import type { FieldError } from '@civicdesk/schemas';
import { api } from '../api/client.js';
import { fieldErrorsOf, serverMessage } from '../api/errors.js';

export type FollowState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'followed' }
  | { kind: 'failed'; errors: FieldError[]; message: string | null };

export function useFollowRequest(requestId: string) {
  const [state, setState] = useState<FollowState>({ kind: 'idle' });
  const follow = async (email: string) => {
    setState({ kind: 'sending' });
    try {
      await api.duplicates.follow.mutate({ service_request_id: requestId, email });
      setState({ kind: 'followed' });
    } catch (error) {
      setState({ kind: 'failed', errors: fieldErrorsOf(error), message: serverMessage(error) });
    }
  };
  return { state, follow };
}
