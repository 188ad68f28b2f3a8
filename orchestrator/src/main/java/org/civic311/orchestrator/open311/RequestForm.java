package org.civic311.orchestrator.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.civic311.orchestrator.notification.NoticeLanguages;
import org.civic311.orchestrator.request.NewServiceRequest;
import org.civic311.orchestrator.request.NoticePreferences;
import org.civic311.orchestrator.request.NotifyBy;
import org.civic311.orchestrator.request.Resident;
import org.civic311.orchestrator.sms.PhoneNumbers;
import org.springframework.http.HttpStatus;

/**
 * The form of {@code POST requests}, checked field by field against the spec and the request type's service
 * definition. The lengths are those of the columns the request is stored in.
 */
final class RequestForm {

    static final int MAX_DESCRIPTION = 4000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** {@code attribute[code]}, and {@code attribute[code][]} for the values of a multivaluelist. */
    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\[\\]]+)\\](\\[\\])?$");

    private final Arguments args;
    private final PhoneNumbers phoneNumbers;

    RequestForm(Arguments args, PhoneNumbers phoneNumbers) {
        this.args = args;
        this.phoneNumbers = phoneNumbers;
    }

    /**
     * @param channel        the intake channel of the client's api_key
     * @param acceptLanguage the POST's {@code Accept-Language} header, or null
     * @return the request; an {@link Open311Exception} with every problem found when it cannot be taken in:
     *         404 for a service code nobody offers, 400 for the rest
     */
    NewServiceRequest read(String channel, RequestTypes requestTypes, NoticeLanguages languages, String acceptLanguage) {
        String serviceCode = args.value("service_code");
        Optional<RequestType> type = serviceCode == null ? Optional.empty() : requestTypes.find(serviceCode);
        if (serviceCode == null) {
            args.error("service_code is required.");
        } else if (type.isEmpty()) {
            throw Open311Exception.of(HttpStatus.NOT_FOUND, "service_code '" + serviceCode + "' is not offered.");
        }
        Double lat = coordinate("lat", 90);
        Double lon = coordinate("long", 180);
        String address = args.text("address_string", 500);
        String addressId = args.text("address_id", 128);
        boolean latGiven = args.value("lat") != null;
        boolean lonGiven = args.value("long") != null;
        if (latGiven != lonGiven) {
            args.error("lat and long must be given together.");
        }
        if (!latGiven && !lonGiven && address == null && addressId == null) {
            args.error("A location is required: lat and long, address_string, or address_id.");
        }
        String zipcode = args.text("zipcode", 16);
        String description = args.text("description", MAX_DESCRIPTION);
        String email = email();
        String phone = phone();
        // Several photos may come as several media_url; the request keeps the first.
        String mediaUrl = args.webUrls("media_url", 2000).stream().findFirst().orElse(null);
        Resident resident = new Resident(args.text("first_name", 100), args.text("last_name", 100), email, phone,
                args.text("device_id", 128), args.text("account_id", 128));
        NoticePreferences notices = noticePreferences(resident, languages, acceptLanguage);
        Map<String, List<String>> answers = answers();
        type.ifPresent(t -> t.problemsWith(answers).forEach(args::error));
        Map<String, List<String>> kept = type.map(t -> t.answersToKeep(answers)).orElse(Map.of());
        kept.forEach((code, values) -> values.forEach(v -> args.plain("attribute[" + code + "]", v)));
        args.rejectIfInvalid();
        return new NewServiceRequest(type.orElseThrow(), description, lat, lon, address, addressId, zipcode, mediaUrl,
                resident, channel, kept, notices);
    }

    /**
     * The extension fields {@code language} (BCP 47; else the {@code Accept-Language} header, else the city's
     * default) and {@code notify} (email, sms, both or none; else email when an email address is given, else sms
     * when a phone number is). A language no notice is written in, or a channel without its address, is refused.
     */
    private NoticePreferences noticePreferences(Resident resident, NoticeLanguages languages, String acceptLanguage) {
        String asked = args.value("language");
        String language;
        if (asked == null) {
            language = languages.fromAcceptLanguage(acceptLanguage);
        } else {
            language = languages.match(asked).orElse(null);
            if (language == null) {
                args.error("language '" + asked + "' is not offered; notices are written in "
                        + String.join(", ", languages.offered()) + ".");
            }
        }
        String word = args.value("notify");
        NotifyBy notifyBy = word == null ? NotifyBy.defaultFor(resident) : NotifyBy.of(word).orElse(null);
        if (notifyBy == null) {
            args.error("notify must be one of email, sms, both or none.");
        } else if (notifyBy.byEmail() && resident.email() == null) {
            args.error("notify=" + notifyBy.word() + " needs an email address (email).");
        } else if (notifyBy.bySms() && resident.phone() == null) {
            args.error("notify=" + notifyBy.word() + " needs a phone number (phone).");
        }
        return new NoticePreferences(language, notifyBy);
    }

    /** The resident's phone in E.164, the form texts are sent to; null when none was given or it cannot be texted. */
    private String phone() {
        String typed = args.value("phone");
        if (typed == null) {
            return null;
        }
        try {
            return phoneNumbers.textable(typed);
        } catch (PhoneNumbers.NotTextable e) {
            args.error("phone " + e.getMessage() + ".");
            return null;
        }
    }

    private Map<String, List<String>> answers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        args.all().keySet().forEach(name -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                answers.computeIfAbsent(m.group(1), c -> new ArrayList<>()).addAll(args.values(name));
            }
        });
        return answers;
    }

    private Double coordinate(String name, int bound) {
        return args.number(name, -bound, bound, name + " must be a number from -" + bound + " to " + bound + ".");
    }

    /** Who follows a request (POST requests/{id}/followers): an email or phone, and how and in which language. */
    record FollowerContact(String email, String phone, NoticePreferences notices) {
    }

    /** The form of a follow: the same contact fields, rules and errors as a report's. */
    FollowerContact readFollower(NoticeLanguages languages, String acceptLanguage) {
        String email = email();
        String phone = phone();
        if (email == null && phone == null && args.value("phone") == null) {
            args.error("email or phone is required to follow a request.");
        }
        NoticePreferences notices = noticePreferences(new Resident(null, null, email, phone, null, null), languages,
                acceptLanguage);
        if (notices.notifyBy() == NotifyBy.NONE && (email != null || phone != null)) {
            args.error("notify=none would tell a follower nothing; leave it out or choose email, sms or both.");
        }
        args.rejectIfInvalid();
        return new FollowerContact(email, phone, notices);
    }

    private String email() {
        String email = args.text("email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            args.error("email is not a valid email address.");
        }
        return email;
    }
}
