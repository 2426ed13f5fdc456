/** An event the interpreter cannot apply, or a definition it cannot run; the message says which and why. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}
