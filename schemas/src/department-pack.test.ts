import { describe, expect, it } from 'vitest';
import { departmentPack } from './department-pack.js';

const base = {
  format: 'civicdesk/department-pack@1',
  department: { code: 'water', name: 'Water', roles: [{ code: 'plumber', name: 'Plumber' }] },
  services: [{ service_code: 'water-leak', service_name: 'Water leak' }],
  workflows: [{ yaml: 'workflow: x' }, { file: '../workflows/x.yaml' }],
};

describe('departmentPack', () => {
  it("gives services without a department the pack's own", () => {
    const pack = departmentPack.parse(base);
    expect(pack.services[0]!.department).toBe('water');
    expect(pack.workflows).toEqual([{ yaml: 'workflow: x' }, { file: '../workflows/x.yaml' }]);
  });

  it('refuses a pack of another format', () => {
    const result = departmentPack.safeParse({ ...base, format: 'civicdesk/department-pack@9' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['format', 'Start the pack with format: civicdesk/department-pack@1'],
    ]);
  });

  it("refuses another department's service and a repeated service, each with its path", () => {
    const result = departmentPack.safeParse({
      ...base,
      services: [
        { service_code: 'a', service_name: 'A', department: 'streets' },
        { service_code: 'b', service_name: 'B' },
        { service_code: 'b', service_name: 'B again' },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['services.0.department', expect.stringMatching(/remove department: streets/)],
        ['services.2.service_code', "Service 'b' is listed twice; keep one"],
      ]),
    );
  });

  it('refuses a workflow entry that is neither embedded YAML nor a file', () => {
    const result = departmentPack.safeParse({ ...base, workflows: [{ url: 'https://example.org/x.yaml' }] });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['workflows', 0],
      message: expect.stringMatching(/either \{ yaml/),
    });
  });
});
