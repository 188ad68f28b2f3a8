package org.civic311.orchestrator;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/** What arrived in one address's inbox on the test mail server: not the copies Civic311 files in its own folders. */
public final class Inbox {

    private Inbox() {
    }

    public static List<MimeMessage> of(GreenMail mail, String address) {
        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return mail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }
}
