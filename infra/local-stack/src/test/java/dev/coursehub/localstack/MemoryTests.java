package dev.coursehub.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryTests {

	private static final String STATUS = """
			Name:	java
			VmPeak:	 4010212 kB
			VmRSS:	  287648 kB
			RssAnon:	  250112 kB
			RssShmem:	       0 kB
			Threads:	42
			""";

	@Test
	void fieldsAreReadInKib() {
		assertThat(Memory.parse(STATUS, Memory.RSS)).hasValue(287648);
		assertThat(Memory.parse(STATUS, Memory.RSS_ANON)).hasValue(250112);
		assertThat(Memory.parse(STATUS, "VmSwap")).isEmpty();
	}

	@Test
	void thisProcessHasResidentMemory() {
		assertThat(Memory.kib(ProcessHandle.current().pid(), Memory.RSS).orElseThrow()).isPositive();
		assertThat(Memory.kib(Long.MAX_VALUE, Memory.RSS)).isEmpty();
	}

	@Test
	void shownInMib() {
		assertThat(Memory.format(287648)).isEqualTo("281 MiB");
		assertThat(Memory.format(2_372_608)).isEqualTo("2,317 MiB");
	}

}
