package org.w3id.pakmig.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.w3id.pakmig.RealGraph;

/** Dumps that {@code serve} makes after it starts: whoever asks first waits for them. */
class DumpsTest {
    @Test
    void aDumpAskedForBeforeItIsMadeIsWaitedForAndIsTheSame() throws Exception {
        Dumps pending = Dumps.pending(RealGraph.dataset());
        CompletableFuture<Dumps.Dump> asked = CompletableFuture.supplyAsync(() -> pending.get(Dumps.ALL));
        Assertions.assertThrows(TimeoutException.class, () -> asked.get(300, TimeUnit.MILLISECONDS),
                                "nothing is answered before the dumps are made");
        assertFalse(asked.isDone());
        pending.make();
        Dumps.Dump whole = asked.get(60, TimeUnit.SECONDS);

        Dumps now = Dumps.of(RealGraph.dataset());
        assertArrayEquals(now.get(Dumps.ALL).bytes(), whole.bytes());
        assertEquals(now.checksumFile(), pending.checksumFile());
        assertEquals(now.all().size(), pending.all().size());
    }
}
