package dev.coursehub.telegramsandbox;

/**
 * Runs the sandbox on its own, configured by the {@code TELEGRAM_SANDBOX_*} environment
 * variables (see {@link SandboxSettings}), until the process is stopped:
 * {@code java -jar infra/telegram-sandbox/target/coursehub-telegram-sandbox.jar}.
 */
public final class TelegramSandboxServer {

	private TelegramSandboxServer() {
	}

	public static void main(String[] args) {
		if (args.length > 0) {
			System.out.println("Usage: java -jar coursehub-telegram-sandbox.jar   (settings come from the "
					+ "TELEGRAM_SANDBOX_* environment variables, see docs/messaging.md)");
			System.exit(args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
		}
		SandboxSettings settings;
		try {
			settings = SandboxSettings.fromEnvironment(System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		TelegramSandbox sandbox = TelegramSandbox.start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "telegram-sandbox-stop"));
		System.out.println("Telegram sandbox listening on " + sandbox.url() + " (" + settings.describe() + ")");
		System.out.println("  what each chat received: " + sandbox.url() + "/sandbox/received   (reset: DELETE)");
		// the executable's main thread has nothing else to do: it waits here, no event
		// loop
		sandbox.onClose().block();
	}

}
