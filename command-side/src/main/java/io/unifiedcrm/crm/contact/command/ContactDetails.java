package io.unifiedcrm.crm.contact.command;

import io.unifiedcrm.crm.company.command.CompanyRecords;
import io.unifiedcrm.crm.contact.api.ChangeContactCommand;
import io.unifiedcrm.crm.contact.api.CrmContactChangedEvent;
import io.unifiedcrm.crm.contact.api.LeadStatus;
import io.unifiedcrm.crm.contact.api.MakeContactCommand;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.FieldChange;
import io.unifiedcrm.shared.FreeText;
import io.unifiedcrm.shared.PointInTime;
import java.time.Instant;
import java.util.UUID;

/**
 * The CRM fields of a contact, checked: a known lead status, texts within their lengths, a follow-up time to the
 * microsecond (what the read models store). Which company and owner exist is checked against the organization with
 * {@link #requireReferences}.
 */
public record ContactDetails(String leadStatus, String leadSource, String jobTitle, String department,
                             UUID companyId, UUID ownerId, Instant nextFollowUp) {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_LEAD_SOURCE_LENGTH = 100;

    /** What {@code CrmContactCreatedEvent} alone says about a contact. */
    public static ContactDetails initial(String leadStatus, String leadSource) {
        return new ContactDetails(leadStatus, leadSource, null, null, null, null, null);
    }

    /** The details a new contact starts with; the lead status defaults to {@code new}. */
    public static ContactDetails of(MakeContactCommand command) {
        return new ContactDetails(
                command.leadStatus() == null ? LeadStatus.NEW.code() : LeadStatus.of(command.leadStatus()).code(),
                FreeText.of("leadSource", command.leadSource(), MAX_LEAD_SOURCE_LENGTH),
                FreeText.of("jobTitle", command.jobTitle(), MAX_TITLE_LENGTH),
                FreeText.of("department", command.department(), MAX_TITLE_LENGTH),
                command.companyId(), command.ownerId(), PointInTime.of("nextFollowUp", command.nextFollowUp()));
    }

    public static ContactDetails of(CrmContactChangedEvent event) {
        return new ContactDetails(event.leadStatus(), event.leadSource(), event.jobTitle(), event.department(),
                event.companyId(), event.ownerId(), event.nextFollowUp());
    }

    /** These details after a merge patch. @throws DomainRuleViolation when a change breaks a rule */
    public ContactDetails changedBy(ChangeContactCommand command) {
        FieldChange<String> status = command.leadStatus();
        if (status != null && status.removes()) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, "leadStatus", "leadStatus cannot be removed.");
        }
        return new ContactDetails(
                status == null ? leadStatus : LeadStatus.of(status.value()).code(),
                text(command.leadSource(), leadSource, "leadSource", MAX_LEAD_SOURCE_LENGTH),
                text(command.jobTitle(), jobTitle, "jobTitle", MAX_TITLE_LENGTH),
                text(command.department(), department, "department", MAX_TITLE_LENGTH),
                value(command.companyId(), companyId), value(command.ownerId(), ownerId),
                PointInTime.of("nextFollowUp", value(command.nextFollowUp(), nextFollowUp)));
    }

    /**
     * The company must be a {@code company} record and the owner a person of the organization; only what differs
     * from {@code before} (null for a new contact) is checked, so a company archived since stays where it is.
     */
    public void requireReferences(ContactDetails before, UUID organizationId, CompanyRecords companies,
                                  OrganizationPersons persons) {
        if (companyId != null && (before == null || !companyId.equals(before.companyId()))
                && !companies.contains(organizationId, companyId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_COMPANY, "companyId",
                    "No company record with this id in this organization.");
        }
        if (ownerId != null && (before == null || !ownerId.equals(before.ownerId()))
                && !persons.contains(organizationId, ownerId)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_OWNER, "ownerId",
                    "No person with this id in this organization.");
        }
    }

    /** Whether these details say more than the lead status and source. */
    public boolean beyondStatusAndSource() {
        return !equals(initial(leadStatus, leadSource));
    }

    public CrmContactChangedEvent changedEvent(UUID personId, UUID organizationId) {
        return new CrmContactChangedEvent(personId, organizationId, leadStatus, leadSource, jobTitle, department,
                companyId, ownerId, nextFollowUp);
    }

    private static String text(FieldChange<String> change, String current, String field, int maxLength) {
        return change == null ? current : FreeText.of(field, change.value(), maxLength);
    }

    private static <T> T value(FieldChange<T> change, T current) {
        return change == null ? current : change.value();
    }
}
