import java.nio.file.Path;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Sets the password of the neo4j user before the first start of a new
 * database, like "neo4j-admin dbms set-initial-password", but reads the
 * password from the environment variable NEO4J_INITIAL_PASSWORD so that it
 * never appears on a command line.
 *
 * Usage: java -cp CLASSPATH SetInitialPassword.java HOME_DIR CONF_DIR
 */
public class SetInitialPassword {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SetInitialPassword HOME_DIR CONF_DIR");
            System.exit(2);
        }
        String password = System.getenv("NEO4J_INITIAL_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("NEO4J_INITIAL_PASSWORD is not set");
            System.exit(2);
        }
        ExecutionContext ctx = new ExecutionContext(Path.of(args[0]), Path.of(args[1]));
        // "--" ends the options: a password may begin with "-".
        System.exit(AdminTool.execute(ctx, "dbms", "set-initial-password", "--", password));
    }
}
