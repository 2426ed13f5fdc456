/** The jurisdiction's workflows for the "Open" menu, reloaded on demand (after a save). */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';

export type WorkflowSummary = { slug: string; title: string; latestVersion: number | null };

export function useWorkflowList(): { workflows: WorkflowSummary[]; reload(): void } {
  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([]);
  const reload = useCallback(
    () => void api.workflows.list.query().then(setWorkflows, () => setWorkflows([])),
    [],
  );
  useEffect(reload, [reload]);
  return { workflows, reload };
}
