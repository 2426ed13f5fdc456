/**
 * @civicdesk/schemas: the contracts every part shares. Import from the package root only; files
 * inside may move.
 */
export * from './status.js';
export * from './datetime.js';
export * from './field-error.js';
export * from './catalogue.js';
export * from './intake-messages.js';
export * from './intake.js';
export * from './request.js';
export * from './organisation.js';
export * from './department-pack.js';
export * from './task.js';
export * from './timeline.js';
export * from './workflow/dsl.js';
export * from './workflow/graph.js';
export * from './workflow/shape-errors.js';
export * from './workflow/validate.js';
export * from './workflow/yaml.js';
export * from './workflow/yaml-update.js';
export * from './workflow/json-schema.js';
