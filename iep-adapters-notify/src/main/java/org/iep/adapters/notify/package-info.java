/** The {@code SmsSender} port on GOV.UK Notify, the text-message gateway NHS organisations use. */
package org.iep.adapters.notify;
