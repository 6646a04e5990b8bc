/**
 * The service's tables. Every write of a decision goes with its row in `decisions`, in the same
 * transaction: an item, a certification event, a submission round, a receipt change or a final
 * submission always points at the decision that allowed it (`decision_id`). Each division (日間部,
 * 進修部) submits its own rosters: submissions, their receipts and final submissions carry the
 * division of the roster (a receipt's is its student's).
 */
export const SCHEMA = `
create table if not exists decisions (
  id bigserial primary key,
  recorded_at timestamptz not null default now(),
  day date not null,
  action text not null,
  subject text not null,
  actor json not null,
  request json not null,
  allowed boolean not null,
  codes text[] not null,
  findings json not null,
  explanation json not null,
  pack_version text not null
);
create index if not exists decisions_action on decisions (action, allowed);

create table if not exists students (
  id text primary key,
  grade smallint not null check (grade between 1 and 3),
  class text,
  division text not null default 'day' check (division in ('day', 'continuingEducation')),
  status text not null default 'enrolled'
);

create table if not exists items (
  id text primary key,
  student_id text not null references students (id),
  kind text not null check (kind in ('courseOutcome', 'diversePerformance')),
  term text,
  academic_year smallint not null,
  course text,
  department text,
  domain text,
  certifier text,
  category text,
  state text,
  entry text not null default 'student',
  selected boolean not null default false,
  withdrawn boolean not null default false,
  summary text,
  files jsonb,
  uploaded_on date not null,
  rejection_reason text,
  certified_by text,
  certified_on date,
  revoked_on date,
  decision_id bigint not null references decisions (id),
  changed_by bigint references decisions (id)
);
create index if not exists items_student on items (student_id, kind, academic_year);

create table if not exists certification_events (
  id bigserial primary key,
  item_id text not null references items (id),
  student_id text not null,
  type text not null,
  actor text not null,
  on_day date not null,
  from_state text not null,
  to_state text not null,
  reason text,
  certifier text,
  acting_as text,
  decision_id bigint not null references decisions (id)
);

create table if not exists submissions (
  category text not null,
  term text not null,
  division text not null default 'day',
  round integer not null,
  submitted_by text not null,
  acting_as text not null,
  submitted_on date not null,
  correction text,
  receipt_opens date,
  receipt_closes date,
  decision_id bigint not null references decisions (id),
  primary key (category, term, division, round)
);

create table if not exists receipts (
  student_id text not null references students (id),
  category text not null,
  term text not null,
  division text not null default 'day',
  round integer not null,
  status text not null,
  dispute text,
  resolution text,
  confirmed_by text,
  confirmed_on date,
  disputed_on date,
  resolved_on date,
  decision_id bigint not null references decisions (id),
  primary key (category, term, division, student_id, round)
);

create table if not exists finals (
  category text not null,
  term text not null,
  division text not null default 'day',
  submitted_by text not null,
  acting_as text not null,
  final_on date not null,
  decision_id bigint not null references decisions (id),
  primary key (category, term, division)
);
`;
