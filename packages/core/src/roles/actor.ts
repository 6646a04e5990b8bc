import type { PlainDate } from '../_lib/date';
import type { Division } from '../units';
import { ROLES } from './index';

/** Someone acting on the platform: a student, a teacher, a staff member. Scopes say what they may touch. */
export interface Actor {
  readonly id: string;
  /** National roles (`homeroomTeacher`) and roles the pack declares (`roles:`). */
  readonly roles: readonly string[];
  /** The units (處室/組) the person works in, e.g. `registration`. */
  readonly units?: readonly string[] | undefined;
  /** Courses the person teaches (a course teacher certifies only these, unless acting as deputy). */
  readonly courses?: readonly string[] | undefined;
  /** Classes the person is homeroom teacher of. */
  readonly classes?: readonly string[] | undefined;
  /** Students the person advises as consulting teacher (課程諮詢教師), for the `advisees` scope. */
  readonly advisees?: readonly string[] | undefined;
  /** Departments (科) and domains (領域) the teacher belongs to, for deputy chains. */
  readonly departments?: readonly string[] | undefined;
  readonly domains?: readonly string[] | undefined;
  /** For a student: their own id. */
  readonly studentId?: string | undefined;
  readonly division?: Division | undefined;
  /**
   * The last day the account may act: a departed teacher's account may be kept alive a while so they
   * can still certify (馬公 九(二)2(2), 新竹 十一(三)2(2)). Unset: no end.
   */
  readonly activeUntil?: PlainDate | undefined;
}

/**
 * Whether a person fills a link of an ownership or deputy chain: a unit they work in
 * (`registration`), a role they hold (`departmentTeacher`), or `designatedBy:<unit>` — someone the
 * head of that unit designates, taken here as anyone working in that unit.
 */
export function fillsLink(actor: Actor, link: string): boolean {
  const unit = link.startsWith('designatedBy:') ? link.slice('designatedBy:'.length) : link;
  return (actor.units ?? []).includes(unit) || actor.roles.includes(link);
}

/**
 * Whether a person fills a link of the certification chain: a unit they work in, or a national role
 * they hold. A role a pack declares — or any other word among an actor's roles — never fills it:
 * only the course's teacher and their deputy teachers or units certify (PR5111).
 */
export function fillsCertificationLink(actor: Actor, link: string): boolean {
  const unit = link.startsWith('designatedBy:') ? link.slice('designatedBy:'.length) : link;
  return (
    (actor.units ?? []).includes(unit) || ((ROLES as readonly string[]).includes(link) && actor.roles.includes(link))
  );
}
