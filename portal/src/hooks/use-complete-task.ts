/** Completes a task through `queue.complete`; a CONFLICT (someone else was first) is told apart. */
import { useState } from 'react';
import { api } from '../api/client.js';
import { errorCode, serverMessage } from '../api/errors.js';

export type CompleteResult =
  { kind: 'completed'; outcome: string } | { kind: 'conflict'; message: string | null };

export type CompleteState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'failed'; message: string | null };

/** `onSettled` hears of completions and conflicts, which both change the queue. */
export function useCompleteTask(taskId: string, onSettled: (result: CompleteResult) => void) {
  const [state, setState] = useState<CompleteState>({ kind: 'idle' });
  const complete = async (outcome: string, notes: string) => {
    setState({ kind: 'sending' });
    try {
      await api.queue.complete.mutate({ taskId, outcome, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      setState({ kind: 'idle' });
      onSettled({ kind: 'completed', outcome });
    } catch (error) {
      if (errorCode(error) === 'CONFLICT') {
        setState({ kind: 'idle' });
        onSettled({ kind: 'conflict', message: serverMessage(error) });
      } else setState({ kind: 'failed', message: serverMessage(error) });
    }
  };
  return { state, complete };
}
