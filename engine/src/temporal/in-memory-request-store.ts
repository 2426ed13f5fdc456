/** A RequestStore kept in memory, honouring the port's idempotency keys. For tests and the simulator UI. */
import type {
  CancelTaskInput,
  CloseRequestInput,
  CreateTaskInput,
  LinkDuplicateInput,
  LinkDuplicateResult,
  MarkTaskCompletedInput,
  PublishAnswerInput,
  ReopenRequestInput,
  ReassignTaskInput,
  QueueNotificationInput,
  RequestStore,
  SetStatusInput,
  TimelineEntryInput,
  TransferRequestInput,
} from './request-store.port.js';

export interface StoredTask extends CreateTaskInput {
  taskId: string;
  completed: MarkTaskCompletedInput | null;
  cancelled?: boolean;
}

export class InMemoryRequestStore implements RequestStore {
  readonly tasks = new Map<string, StoredTask>();
  readonly timeline: TimelineEntryInput[] = [];
  readonly statuses: SetStatusInput[] = [];
  readonly closes: CloseRequestInput[] = [];
  readonly notifications: QueueNotificationInput[] = [];
  readonly transfers: TransferRequestInput[] = [];
  readonly duplicates: LinkDuplicateInput[] = [];
  readonly answers: PublishAnswerInput[] = [];
  /** Every call, including ignored repeats, to prove retries do not double-write. */
  calls = 0;
  private readonly seen = new Set<string>();
  private nextTaskNumber = 1;

  /** Task rows of one request, oldest first. */
  tasksOf(requestId: string): StoredTask[] {
    return [...this.tasks.values()].filter((task) => task.requestId === requestId);
  }

  async createTask(input: CreateTaskInput): Promise<{ taskId: string }> {
    this.calls += 1;
    const existing = this.tasks.get(input.key);
    if (existing) return { taskId: existing.taskId };
    const taskId = `task-${this.nextTaskNumber++}`;
    this.tasks.set(input.key, { ...input, taskId, completed: null });
    return { taskId };
  }

  async appendTimeline(input: TimelineEntryInput): Promise<void> {
    if (this.once(input.key)) this.timeline.push(input);
  }

  async setStatus(input: SetStatusInput): Promise<void> {
    if (this.once(input.key)) this.statuses.push(input);
  }

  async closeRequest(input: CloseRequestInput): Promise<void> {
    if (this.once(input.key)) this.closes.push(input);
  }

  async markTaskCompleted(input: MarkTaskCompletedInput): Promise<void> {
    if (!this.once(input.key)) return;
    const task = [...this.tasks.values()].find((t) => t.taskId === input.taskId);
    if (!task) throw new Error(`No task ${input.taskId}`);
    task.completed = input;
  }

  async queueNotification(input: QueueNotificationInput): Promise<void> {
    if (this.once(input.key)) this.notifications.push(input);
  }

  async transferRequest(input: TransferRequestInput): Promise<void> {
    if (this.once(input.key)) this.transfers.push(input);
  }

  /** Request ids `linkDuplicate` refuses, as if they did not exist. */
  readonly missingRequests = new Set<string>();

  async linkDuplicate(input: LinkDuplicateInput): Promise<LinkDuplicateResult> {
    if (input.duplicateOf === input.requestId || this.missingRequests.has(input.duplicateOf)) {
      return { linked: false, reason: `request ${input.duplicateOf} cannot be the original` };
    }
    if (this.once(input.key)) this.duplicates.push(input);
    return { linked: true };
  }

  readonly reassignments: ReassignTaskInput[] = [];
  readonly reopenings: ReopenRequestInput[] = [];

  async reopenRequest(input: ReopenRequestInput): Promise<void> {
    if (this.once(input.key)) this.reopenings.push(input);
  }

  async reassignTask(input: ReassignTaskInput): Promise<void> {
    if (!this.once(input.key)) return;
    this.reassignments.push(input);
    const task = [...this.tasks.values()].find((t) => t.taskId === input.taskId);
    if (task) Object.assign(task, { department: input.department, role: input.role });
  }

  async cancelTask(input: CancelTaskInput): Promise<void> {
    if (!this.once(input.key)) return;
    const task = [...this.tasks.values()].find((t) => t.taskId === input.taskId);
    if (task && !task.completed) task.cancelled = true;
  }

  async publishAnswer(input: PublishAnswerInput): Promise<void> {
    if (this.once(input.key)) this.answers.push(input);
  }

  private once(key: string): boolean {
    this.calls += 1;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
