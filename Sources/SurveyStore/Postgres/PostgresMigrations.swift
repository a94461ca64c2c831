extension PostgresMigration {
    /// The PostgreSQL schema of the store, in order. The server state's times are seconds since 1970
    /// (`double precision`), as in the SQLite file, so expiry is the same comparison of numbers on both
    /// backends; the store's times are `timestamptz`.
    public static let all: [PostgresMigration] = [serverState, store]

    /// What the form server keeps between requests (`ServerStateStore`), as in SQLite's `v4-server-state`
    /// and `v5-peilingen`. The staff and peiling tables came later (`v2-store`); the foreign keys of
    /// `staff_name` and `peiling_id` onto them, which SQLite has, are still to be added in a later step.
    static let serverState = PostgresMigration("v1-server-state", [
        """
        CREATE TABLE staff_session (
            token_hash text PRIMARY KEY,
            staff_name text NOT NULL,
            expires double precision NOT NULL)
        """,
        "CREATE INDEX staff_session_staff_name ON staff_session (staff_name)",
        "CREATE INDEX staff_session_expires ON staff_session (expires)",
        """
        CREATE TABLE kiosk_session (
            token_hash text PRIMARY KEY,
            unlocked_by text NOT NULL,
            method text NOT NULL,
            start_token_hash text NOT NULL,
            visit_respondent_id text,
            visit_language text,
            page_token_hash text,
            last_activity double precision NOT NULL,
            expires double precision NOT NULL,
            peiling_id bigint)
        """,
        "CREATE INDEX kiosk_session_expires ON kiosk_session (expires)",
        """
        CREATE TABLE attempt_bucket (
            budget text NOT NULL,
            client_key text NOT NULL,
            tokens double precision NOT NULL,
            updated double precision NOT NULL,
            full_at double precision NOT NULL,
            PRIMARY KEY (budget, client_key))
        """,
        "CREATE INDEX attempt_bucket_full_at ON attempt_bucket (full_at)",
        """
        CREATE TABLE server_secret (
            name text PRIMARY KEY,
            value text NOT NULL,
            created_at double precision NOT NULL)
        """,
    ])
}
