/** The page of one admin section. */
import type { AdminSection } from './admin-sections.js';
import { ApiKeysSection } from './ApiKeysSection.js';
import { AuditSection } from './AuditSection.js';
import { BindingsSection } from './BindingsSection.js';
import { DepartmentsSection } from './DepartmentsSection.js';
import { JurisdictionSection } from './JurisdictionSection.js';
import { PacksSection } from './PacksSection.js';
import { RolesSection } from './RolesSection.js';
import { ServicesSection } from './ServicesSection.js';
import { StaffSection } from './StaffSection.js';

export interface SectionProps {
  isAdmin: boolean;
  /** The departments the person may manage (all of them for an admin). */
  departments: { code: string; name: string }[];
}

export function AdminSectionView({ section, ...props }: SectionProps & { section: AdminSection }) {
  switch (section) {
    case 'departments':
      return <DepartmentsSection />;
    case 'staff':
      return <StaffSection {...props} />;
    case 'roles':
      return <RolesSection {...props} />;
    case 'services':
      return <ServicesSection />;
    case 'bindings':
      return <BindingsSection />;
    case 'api-keys':
      return <ApiKeysSection />;
    case 'jurisdiction':
      return <JurisdictionSection />;
    case 'audit':
      return <AuditSection />;
    case 'packs':
      return <PacksSection />;
  }
}
