/**
 * A setup problem the person running the rig can fix (missing Chromium, failed install…).
 * Printed as its message alone, without a stack, because the message says what to do.
 */
export class RigError extends Error {
  override name = 'RigError';
}

/** Prints an error the way the rig's entry points report it and returns the exit code to use. */
export function reportFatal(err: unknown): number {
  if (err instanceof RigError) {
    console.error(`\nrig: ${err.message}`);
  } else {
    console.error('\nrig: unexpected error:', err);
  }
  return 1;
}
