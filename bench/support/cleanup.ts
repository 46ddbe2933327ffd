// Everything the bench starts (providers, servers, child processes, the database schema) registers how
// to undo itself here, so a failure or Ctrl-C still leaves nothing running and nothing behind.

type Step = { label: string; run: () => Promise<void> | void };

const steps: Step[] = [];

export function onCleanup(label: string, run: Step["run"]): void {
  steps.push({ label, run });
}

/** Runs the registered steps newest first; one failing step does not stop the others. */
export async function cleanUp(): Promise<void> {
  while (steps.length > 0) {
    const step = steps.pop()!;
    try {
      await step.run();
    } catch (error) {
      console.error(`cleanup (${step.label}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Runs a step now and forgets it (for resources released before the end of the run). */
export async function release(label: string): Promise<void> {
  const index = steps.findLastIndex((step) => step.label === label);
  if (index === -1) return;
  const [step] = steps.splice(index, 1);
  await step.run();
}
