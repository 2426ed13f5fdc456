/** The custom search attributes runs carry, so operators and the API can find runs in Temporal. */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const requestIdAttribute = defineSearchAttributeKey('CivicDeskRequestId', SearchAttributeType.KEYWORD);
export const serviceAttribute = defineSearchAttributeKey('CivicDeskService', SearchAttributeType.KEYWORD);
export const workflowAttribute = defineSearchAttributeKey('CivicDeskWorkflow', SearchAttributeType.KEYWORD);
export const versionAttribute = defineSearchAttributeKey('CivicDeskVersion', SearchAttributeType.INT);
export const departmentAttribute = defineSearchAttributeKey(
  'CivicDeskDepartment',
  SearchAttributeType.KEYWORD,
);
export const statusAttribute = defineSearchAttributeKey('CivicDeskStatus', SearchAttributeType.KEYWORD);

export const civicDeskSearchAttributes = [
  requestIdAttribute,
  serviceAttribute,
  workflowAttribute,
  versionAttribute,
  departmentAttribute,
  statusAttribute,
] as const;
