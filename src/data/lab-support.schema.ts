/**
 * The schema of src/data/lab-support.ts, apart from the data so that zod does
 * not travel to the reader's browser with it. tests/labs/labs.test.ts runs
 * the validation against the labs in labs/.
 */
import * as z from 'zod';

const FILE = 'src/data/lab-support.ts';
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why a lab cannot run somewhere, for the reader, in both locales. */
const reasonSchema = z.strictObject({
  en: z.string().min(20, 'say why, in a sentence'),
  zh: z.string().min(10, 'say why, in a sentence'),
});

const labSupportSchema = z.strictObject({
  /** Labs that cannot run in the lab VM (Debian's i386 kernel 6.1 under v86). */
  vm: z.record(z.string().regex(kebab, 'must be a lab name: labs/<name>.sh without .sh'), reasonSchema),
  /**
   * Labs that need what a stock Linux host may lack (a kernel module such as
   * openvswitch): the lab then exits 77 on the host, which the tests accept
   * only for labs named here. They run in the VM.
   */
  host: z.record(z.string().regex(kebab, 'must be a lab name: labs/<name>.sh without .sh'), reasonSchema),
});
export type LabSupport = z.infer<typeof labSupportSchema>;

/** Throws, naming the data file, the list and the lab, if the data is malformed or names a lab that does not exist. */
export function validateLabSupport(input: unknown, labs: readonly string[]): LabSupport {
  const result = labSupportSchema.safeParse(input);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${FILE}: ${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`);
  if (result.success) {
    for (const list of ['vm', 'host'] as const) {
      for (const lab of Object.keys(result.data[list])) {
        if (!labs.includes(lab)) problems.push(`${FILE}: ${list}.${lab}: there is no labs/${lab}.sh`);
      }
    }
    for (const lab of Object.keys(result.data.vm)) {
      if (lab in result.data.host) problems.push(`${FILE}: ${lab} is listed under both vm and host: it must run somewhere`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return result.data!;
}
