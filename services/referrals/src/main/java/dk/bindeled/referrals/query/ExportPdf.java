package dk.bindeled.referrals.query;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dk.bindeled.referrals.api.PersonalData;
import dk.bindeled.referrals.query.Views.ResidentExport;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The resident's export as a readable document (OpenPDF), in Danish: what the organisation holds, its referrals and
 * their steps, who read the data and what was decided about erasure. The same content as the JSON export.
 */
public final class ExportPdf {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("da-DK"));
    private static final Map<String, String> FIELDS = Map.of("NAME", "Navn", "PHONE", "Telefon", "EMAIL", "E-mail", "DATE_OF_BIRTH", "Fødselsdato",
            "PREFERRED_LANGUAGE", "Foretrukket sprog", "CONTACT_PREFERENCE", "Kontaktform");

    private ExportPdf() {
    }

    public static byte[] render(ResidentExport export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Indsigt i oplysninger om borger " + export.residentId());
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
            document.add(new Paragraph("Indsigt i oplysninger om en borger", title));
            document.add(new Paragraph("Borger-id " + export.residentId() + ". Dataansvarlig: " + export.controller()
                    + ". Efter databeskyttelsesforordningens artikel 15.", body));

            document.add(new Paragraph("Oplysninger", heading));
            PersonalData data = export.personalData();
            if (data == null) {
                document.add(new Paragraph(export.forgotten() ? "Oplysningerne er slettet." : "Ingen oplysninger.", body));
            } else {
                PdfPTable table = new PdfPTable(2);
                table.setWidthPercentage(100);
                data.present().forEach((field, value) -> {
                    table.addCell(new Paragraph(FIELDS.getOrDefault(field.name(), field.name()), body));
                    table.addCell(new Paragraph(String.valueOf(value), body));
                });
                document.add(table);
            }

            document.add(new Paragraph("Henvisninger", heading));
            for (Views.ReferralView referral : export.referrals()) {
                document.add(new Paragraph("Henvisning " + referral.id() + " til tilbud " + referral.offerId() + ": " + referral.status(), body));
                for (Views.StepView step : referral.timeline()) {
                    document.add(new Paragraph("   " + WHEN.format(step.at().atZoneSameInstant(COPENHAGEN)) + " " + step.step()
                            + (step.detail() == null ? "" : " (" + step.detail() + ")") + " – " + step.actor(), body));
                }
            }

            document.add(new Paragraph("Hvem har set oplysningerne", heading));
            if (export.reads().isEmpty()) {
                document.add(new Paragraph("Ingen.", body));
            }
            for (Views.ReadView read : export.reads()) {
                document.add(new Paragraph(WHEN.format(read.readAt().atZoneSameInstant(COPENHAGEN)) + ": " + read.reader()
                        + (read.readerOrg() == null ? "" : " (" + read.readerOrg() + ")") + " så " + read.fields(), body));
            }

            document.add(new Paragraph("Sletning", heading));
            if (export.erasures().isEmpty()) {
                document.add(new Paragraph("Ingen anmodning om sletning.", body));
            }
            for (Views.ErasureView erasure : export.erasures()) {
                document.add(new Paragraph(WHEN.format(erasure.decidedAt().atZoneSameInstant(COPENHAGEN)) + ": " + erasure.controller() + " "
                        + ("ERASED".equals(erasure.decision()) ? "slettede" : "afviste sletning – " + erasure.legalBasis()), body));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("The export could not be written as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
