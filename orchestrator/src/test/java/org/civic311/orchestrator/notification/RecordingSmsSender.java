package org.civic311.orchestrator.notification;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.civic311.orchestrator.sms.SmsRefused;
import org.civic311.orchestrator.sms.SmsSender;

/** Keeps the texts it is given instead of sending them; refuses the numbers it is told to, as an opted-out one. */
class RecordingSmsSender implements SmsSender {

    record Text(String to, String text, String id) {
    }

    final List<Text> sent = new CopyOnWriteArrayList<>();
    final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String send(String to, String text) {
        if (optedOut.contains(to)) {
            throw new SmsRefused("21610", "Attempt to send to unsubscribed recipient");
        }
        String id = "SM" + ids.incrementAndGet();
        sent.add(new Text(to, text, id));
        return id;
    }

    List<Text> to(String number) {
        return sent.stream().filter(t -> t.to().equals(number)).toList();
    }
}
