/** Departments (with roles) and services (with attribute definitions) for the panels, loaded once. */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { ServiceInfo } from '../model/fact-catalogue.js';

export type DepartmentInfo = { code: string; name: string; roles: { code: string; name: string }[] };
export type ReferenceData = { departments: DepartmentInfo[]; services: ServiceInfo[] };

export function useReferenceData(): ReferenceData {
  const [data, setData] = useState<ReferenceData>({ departments: [], services: [] });
  useEffect(() => {
    let live = true;
    Promise.all([api.workflows.departments.query(), api.workflows.services.query()]).then(
      ([departments, services]) => live && setData({ departments, services }),
      // Without them the panels offer free text; validation then skips the department check.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return data;
}
