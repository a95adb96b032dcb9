package org.iep.api.recipient;

/** Where an individual's one-time passcodes go: a mobile phone (SMS) or a second e-mail address. */
public enum PasscodeChannel {
    SMS, EMAIL
}
