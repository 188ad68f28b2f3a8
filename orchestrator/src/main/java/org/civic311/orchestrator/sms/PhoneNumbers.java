package org.civic311.orchestrator.sms;

import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Residents' phone numbers as they are typed ({@code (312) 555-0123}, {@code 312.555.0123}, {@code +52 55 1234 5678}),
 * read with libphonenumber: a number without a country code is taken to be of the city's region
 * ({@code civic311.sms.default-region}), and every number is kept in E.164 ({@code +13125550123}), the form SMS
 * providers take. A number must be able to receive texts: mobile, or fixed-line-or-mobile where a region does not tell
 * them apart (as in the US), VoIP or personal; a landline, toll-free or premium number is refused.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> TEXTABLE = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER);

    private final String defaultRegion;

    /** @param defaultRegion an ISO 3166 region code libphonenumber knows, e.g. {@code US} */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("civic311.sms.default-region must be a region code such as US or CA, not '"
                    + defaultRegion + "'");
        }
        this.defaultRegion = region;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * @return the number in E.164
     * @throws NotTextable with a sentence for the resident: why the number cannot be texted
     */
    public String textable(String typed) {
        PhoneNumber number;
        try {
            number = PHONES.parse(typed, defaultRegion);
        } catch (NumberParseException e) {
            throw new NotTextable("is not a valid phone number");
        }
        if (!PHONES.isValidNumber(number)) {
            throw new NotTextable("is not a valid phone number (without a country code, a number of "
                    + defaultRegion + " is expected)");
        }
        PhoneNumberType type = PHONES.getNumberType(number);
        if (!TEXTABLE.contains(type)) {
            throw new NotTextable("cannot receive text messages (" + describe(type)
                    + "): give a mobile number, or leave it out");
        }
        return PHONES.format(number, PhoneNumberFormat.E164);
    }

    private static String describe(PhoneNumberType type) {
        return switch (type) {
            case FIXED_LINE -> "a landline";
            case TOLL_FREE -> "a toll-free number";
            case PREMIUM_RATE -> "a premium-rate number";
            default -> "a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " number";
        };
    }

    /** A phone number that cannot be texted; the message completes "phone …". */
    public static final class NotTextable extends IllegalArgumentException {

        NotTextable(String message) {
            super(message);
        }
    }
}
