import { describe, expect, it } from 'vitest';
import { potholeWorkflow as def } from '../fixtures/pothole-workflow.js';
import { buildFacts } from '../rules/index.js';
import { simulatePath } from './simulate-path.js';

const deep = buildFacts({ service_code: 'pothole', attributes: { depth_cm: 12 } });
const shallow = buildFacts({ service_code: 'pothole', attributes: { depth_cm: 3 } });

describe('simulatePath', () => {
  it('routes a deep pothole straight to repair', async () => {
    expect(await simulatePath(def, deep, { 'urgent-repair': 'repaired' })).toEqual({
      path: ['triage', 'urgent-repair', 'mark-fixed', 'done'],
      status: 'fixed',
      closed: true,
      waitingAt: [],
      variables: {},
    });
  });
  it('inspects a shallow one and closes when it is not found', async () => {
    const result = await simulatePath(def, shallow, { inspect: 'not_found' });
    expect(result).toMatchObject({
      path: ['triage', 'inspect', 'close-not-found'],
      status: 'no_further_action',
      closed: true,
    });
  });
  it('follows loops with one outcome per visit', async () => {
    const result = await simulatePath(def, deep, {
      'urgent-repair': ['needs_inspection', 'repaired'],
      inspect: 'confirmed',
    });
    expect(result.path).toEqual([
      'triage',
      'urgent-repair',
      'inspect',
      'urgent-repair',
      'mark-fixed',
      'done',
    ]);
  });
  it('stops where the script has no outcome', async () => {
    expect(await simulatePath(def, shallow, {})).toEqual({
      path: ['triage', 'inspect'],
      status: 'open',
      closed: false,
      waitingAt: ['inspect'],
      variables: {},
    });
  });
  it('stops a loop that never ends', async () => {
    await expect(
      simulatePath(
        def,
        deep,
        { 'urgent-repair': 'needs_inspection', inspect: 'confirmed' },
        { maxTasks: 20 },
      ),
    ).rejects.toThrow('Simulation stopped after 20 tasks; does the workflow loop forever?');
  });
  it('rejects a scripted outcome the task does not offer', async () => {
    await expect(simulatePath(def, deep, { 'urgent-repair': 'painted' })).rejects.toThrow(
      'allowed: repaired, needs_inspection',
    );
  });
});
