import type { Linter } from 'eslint';

declare const engineWorkflowRules: Linter.Config[];
export default engineWorkflowRules;
