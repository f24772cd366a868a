package io.unifiedcrm.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The application connects to the embedded database as a role of its own, not as the superuser: {@value #NAME}, with
 * the password in {@value #PASSWORD_FILE} (readable by its owner only), owner of the database and of everything in it
 * that is not PostgreSQL's or an extension's — also what a data directory from before this change holds, which the
 * superuser had created. It may create schemas and the trusted extensions the migrations ask for, and nothing
 * beyond its database: no other database, role, file or server setting.
 */
final class ApplicationRole {

    static final String NAME = "unifiedcrm";
    static final String PASSWORD_FILE = "database-password";

    private ApplicationRole() {
    }

    /** The role's password; created on first use. */
    static String password(DataDirectory dataDirectory) {
        return SecretFile.readOrCreate(dataDirectory.resolve(PASSWORD_FILE), "");
    }

    /** Creates the role if missing and hands it the database and what the superuser owns in it. */
    static void ensure(EmbeddedPostgres postgres, String database, String password) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                            CREATE ROLE %1$s LOGIN;
                        END IF;
                    END $$""".formatted(NAME));
            // Base64url: nothing to escape
            statement.execute("ALTER ROLE " + NAME + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + password + "'");
            statement.execute("ALTER DATABASE " + database + " OWNER TO " + NAME);
            statement.execute(HAND_OVER.formatted(NAME));
        }
    }

    /**
     * Schemas, tables, views and sequences (those a column owns follow their table), and routines and types owned by
     * the superuser, outside PostgreSQL's schemas and not part of an extension.
     */
    private static final String HAND_OVER = """
            DO $$
            DECLARE
                item record;
            BEGIN
                FOR item IN SELECT n.oid, n.nspname FROM pg_namespace n
                            WHERE n.nspowner = 'postgres'::regrole AND n.nspname NOT LIKE 'pg\\_%%'
                              AND n.nspname NOT IN ('information_schema', 'public')
                              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                                              AND d.objid = n.oid AND d.deptype = 'e') LOOP
                    EXECUTE format('ALTER SCHEMA %%I OWNER TO %1$s', item.nspname);
                END LOOP;
                FOR item IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                            JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                              AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                              AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
                            ORDER BY c.relkind DESC LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE item.relkind WHEN 'S' THEN 'SEQUENCE'
                        WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                        ELSE 'TABLE' END, item.name);
                END LOOP;
                FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                            JOIN pg_namespace n ON n.oid = p.pronamespace
                            WHERE p.proowner = 'postgres'::regrole AND n.nspname NOT LIKE 'pg\\_%%'
                              AND n.nspname <> 'information_schema'
                              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                              AND d.objid = p.oid AND d.deptype = 'e') LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', item.name);
                END LOOP;
                FOR item IN SELECT t.oid::regtype AS name FROM pg_type t
                            JOIN pg_namespace n ON n.oid = t.typnamespace
                            WHERE t.typowner = 'postgres'::regrole AND t.typtype IN ('e', 'd', 'r', 'm')
                              AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                              AND d.objid = t.oid AND d.deptype = 'e') LOOP
                    EXECUTE format('ALTER TYPE %%s OWNER TO %1$s', item.name);
                END LOOP;
            END $$""";
}
