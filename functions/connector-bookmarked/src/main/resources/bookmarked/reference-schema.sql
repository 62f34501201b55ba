-- Reference schema of the Bookmarked roster database: the shape CDT's default mapping reads and
-- the demo district is loaded into. Like the real one, it has few foreign keys (rows arrive from
-- many syncs in any order), which is exactly why references can dangle.
create table if not exists customers (
    customer_key        text primary key,
    name                text not null,
    last_roster_sync_at timestamptz
);

create table if not exists campuses (
    campus_key   text primary key,
    customer_key text not null,
    name         text not null,
    sis_org_id   text
);

create table if not exists students (
    student_key  text primary key,
    customer_key text not null,
    campus_key   text,
    sis_id       text,
    local_number text,
    given_name   text,
    family_name  text,
    grade        text,
    birth_date   date,
    email        text,
    active       boolean not null default true,
    updated_at   timestamptz
);
create index if not exists students_customer on students (customer_key);

create table if not exists staff (
    staff_key    text primary key,
    customer_key text not null,
    campus_key   text,
    sis_id       text,
    given_name   text,
    family_name  text,
    email        text,
    active       boolean not null default true
);
create index if not exists staff_customer on staff (customer_key);

create table if not exists guardians (
    guardian_key text primary key,
    customer_key text not null,
    sis_id       text,
    email        text,
    given_name   text,
    family_name  text
);
create index if not exists guardians_customer on guardians (customer_key);
create index if not exists guardians_email on guardians (lower(trim(email)));

create table if not exists guardian_links (
    student_key  text not null,
    guardian_key text not null,
    primary key (student_key, guardian_key)
);

create table if not exists classes (
    class_key    text primary key,
    customer_key text not null,
    campus_key   text,
    sis_id       text,
    title        text
);
create index if not exists classes_customer on classes (customer_key);

-- person_key is a student_key or a staff_key, told apart by role.
create table if not exists class_members (
    class_key  text not null,
    person_key text not null,
    role       text not null check (role in ('student', 'teacher')),
    started_on date,
    ended_on   date,
    primary key (class_key, person_key)
);
create index if not exists class_members_person on class_members (person_key);
