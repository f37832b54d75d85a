//! Lays a [`Certificate`] out on one A4 page, top to bottom, and tags what it draws in reading order.

use std::num::NonZeroU16;

use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::{Page, PageSettings};
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ContentTag, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use qrcode::{Color, QrCode};

use crate::text::Face;
use crate::{Certificate, DataLine, Heading, RenderError, Table, Verification};

/// A4 in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
/// Two centimetres.
const MARGIN: f32 = 56.69;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Where a data line's value starts.
const VALUE_COLUMN: f32 = MARGIN + 170.0;
const BODY_SIZE: f32 = 11.0;
const LEADING: f32 = 1.45;
const QR_SIZE: f32 = 96.0;
/// The city's colour for the letterhead rule; dark enough for text contrast too.
const ACCENT: (u8, u8, u8) = (0x00, 0x4b, 0x87);
const MUTED: (u8, u8, u8) = (0x44, 0x44, 0x44);

/// The certificate as the bytes of a PDF file.
pub fn render(certificate: &Certificate) -> Result<Vec<u8>, RenderError> {
    let mut document = Document::new_with(SerializeSettings::default());
    let page_settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid size");
    let mut page = document.start_page_with(page_settings);
    let mut surface = page.surface();
    let mut tree = TagTree::new().with_lang(Some(certificate.language.clone()));
    let qr_code = {
        let mut writer = Writer::new(&mut surface);
        for node in writer.certificate(certificate) {
            tree.push(node);
        }
        writer.qr_code(&certificate.verification)?
    };
    surface.finish();
    tree.push(link(&mut page, qr_code, &certificate.verification));
    page.finish();
    document.set_metadata(
        Metadata::new()
            .title(certificate.title.clone())
            .language(certificate.language.clone())
            .creator(certificate.heading.organisation.clone()),
    );
    document.set_tag_tree(tree);
    document
        .finish()
        .map_err(|error| RenderError::Pdf(format!("{error:?}")))
}

/// Draws on the page from top to bottom; `y` is where the next line's top goes.
struct Writer<'s, 'p> {
    surface: &'s mut Surface<'p>,
    y: f32,
    qr_top: f32,
    regular: Face,
    bold: Face,
}

impl<'s, 'p> Writer<'s, 'p> {
    fn new(surface: &'s mut Surface<'p>) -> Self {
        Writer {
            surface,
            y: MARGIN,
            qr_top: PAGE_HEIGHT - MARGIN - QR_SIZE,
            regular: Face::regular(),
            bold: Face::bold(),
        }
    }

    /// Everything but the QR code, which becomes a link once the page's drawing is done.
    fn certificate(&mut self, certificate: &Certificate) -> Vec<Node> {
        let mut nodes = self.heading(&certificate.heading);
        self.y += 28.0;
        nodes.push(self.title(&certificate.title));
        self.y += 14.0;
        nodes.push(self.paragraph(&certificate.introduction, BODY_SIZE));
        self.y += 8.0;
        nodes.extend(certificate.lines.iter().map(|line| self.data_line(line)));
        if let Some(table) = &certificate.table {
            self.y += 14.0;
            nodes.extend(self.table(table));
        }
        if let Some(closing) = &certificate.closing {
            self.y += 14.0;
            nodes.push(self.paragraph(closing, BODY_SIZE));
        }
        self.y += 22.0;
        nodes.push(self.paragraph(&certificate.place_and_date, BODY_SIZE));
        self.y += 4.0;
        nodes.push(self.strong_paragraph(&certificate.issued_by, BODY_SIZE));
        nodes.extend(self.verification(&certificate.verification));
        nodes
    }

    fn heading(&mut self, heading: &Heading) -> Vec<Node> {
        let mut nodes = vec![self.strong_paragraph(&heading.organisation, 16.0)];
        nodes.push(self.paragraph(&heading.service, BODY_SIZE));
        let mut address = TagGroup::new(Tag::P);
        for line in &heading.address_lines {
            let face = self.regular.clone();
            address.push(self.line(&face, 9.5, MARGIN, line, MUTED));
        }
        nodes.push(address.into());
        self.y += 6.0;
        self.rule(MARGIN, CONTENT_WIDTH, 1.5, ACCENT);
        nodes
    }

    fn title(&mut self, title: &str) -> Node {
        let face = self.bold.clone();
        let mut group = TagGroup::new(Tag::Hn(NonZeroU16::MIN, Some(title.to_owned())));
        group.push(self.line(&face, 20.0, MARGIN, title, ACCENT));
        group.into()
    }

    fn paragraph(&mut self, text: &str, size: f32) -> Node {
        let face = self.regular.clone();
        self.wrapped(Tag::P.into(), &face, size, MARGIN, CONTENT_WIDTH, text)
    }

    fn strong_paragraph(&mut self, text: &str, size: f32) -> Node {
        let face = self.bold.clone();
        self.wrapped(Tag::P.into(), &face, size, MARGIN, CONTENT_WIDTH, text)
    }

    /// A label in bold with its value beside it, as one paragraph.
    fn data_line(&mut self, line: &DataLine) -> Node {
        let top = self.y;
        let bold = self.bold.clone();
        let regular = self.regular.clone();
        let label_width = VALUE_COLUMN - MARGIN - 8.0;
        let mut group = TagGroup::new(Tag::P);
        for text in bold.wrap(&line.label, BODY_SIZE, label_width) {
            group.push(self.line(&bold, BODY_SIZE, MARGIN, &text, (0, 0, 0)));
        }
        let label_bottom = self.y;
        self.y = top;
        let value_width = MARGIN + CONTENT_WIDTH - VALUE_COLUMN;
        for text in regular.wrap(&line.value, BODY_SIZE, value_width) {
            group.push(self.line(&regular, BODY_SIZE, VALUE_COLUMN, &text, (0, 0, 0)));
        }
        self.y = self.y.max(label_bottom) + 3.0;
        group.into()
    }

    /// The caption as a level-two heading, then the table with a header row.
    fn table(&mut self, table: &Table) -> Vec<Node> {
        let bold = self.bold.clone();
        let regular = self.regular.clone();
        let mut caption = TagGroup::new(Tag::Hn(
            NonZeroU16::new(2).expect("two is not zero"),
            Some(table.caption.clone()),
        ));
        caption.push(self.line(&bold, 13.0, MARGIN, &table.caption, ACCENT));
        self.y += 4.0;
        let columns = table.headers.len().max(1);
        let column_width = CONTENT_WIDTH / columns as f32;
        let mut head_row = TagGroup::new(Tag::TR);
        let header_cells: Vec<Node> = self.cells(&table.headers, &bold, column_width, |_| {
            Tag::TH(TableHeaderScope::Column).into()
        });
        for cell in header_cells {
            head_row.push(cell);
        }
        self.rule(MARGIN, CONTENT_WIDTH, 0.8, (0, 0, 0));
        let mut body = TagGroup::new(Tag::TBody);
        for row in &table.rows {
            let mut table_row = TagGroup::new(Tag::TR);
            for cell in self.cells(row, &regular, column_width, |_| Tag::TD.into()) {
                table_row.push(cell);
            }
            body.push(table_row);
            self.rule(MARGIN, CONTENT_WIDTH, 0.3, MUTED);
        }
        let head = TagGroup::with_children(Tag::THead, vec![head_row.into()]);
        let table_group = TagGroup::with_children(Tag::Table, vec![head.into(), body.into()]);
        vec![caption.into(), table_group.into()]
    }

    /// One row of cells side by side; the row is as tall as its tallest cell.
    fn cells(
        &mut self,
        texts: &[String],
        face: &Face,
        column_width: f32,
        tag: impl Fn(usize) -> TagKind,
    ) -> Vec<Node> {
        let top = self.y + 3.0;
        let mut bottom = top;
        let mut nodes = Vec::new();
        for (index, text) in texts.iter().enumerate() {
            self.y = top;
            let x = MARGIN + index as f32 * column_width;
            let mut cell = TagGroup::new(tag(index));
            for line in face.wrap(text, 10.0, column_width - 8.0) {
                cell.push(self.line(face, 10.0, x, &line, (0, 0, 0)));
            }
            bottom = bottom.max(self.y);
            nodes.push(cell.into());
        }
        self.y = bottom + 3.0;
        nodes
    }

    /// The code and where to check it on the left, the QR code to the right, at the page's foot.
    fn verification(&mut self, verification: &Verification) -> Vec<Node> {
        let top = (PAGE_HEIGHT - MARGIN - QR_SIZE).max(self.y + 24.0);
        self.y = top;
        self.qr_top = top + 6.0;
        self.rule(MARGIN, CONTENT_WIDTH, 0.5, MUTED);
        self.y = top + 10.0;
        let text_width = CONTENT_WIDTH - QR_SIZE - 16.0;
        let bold = self.bold.clone();
        let regular = self.regular.clone();
        let mut code = TagGroup::new(Tag::P);
        code.push(self.line(&regular, 10.0, MARGIN, &verification.code_label, MUTED));
        code.push(self.line(&bold, 16.0, MARGIN, &verification.code, (0, 0, 0)));
        self.y += 6.0;
        let instruction = self.wrapped(
            Tag::P.into(),
            &regular,
            9.5,
            MARGIN,
            text_width,
            &format!("{} {}", verification.instruction, verification.url),
        );
        vec![code.into(), instruction]
    }

    /// The QR code beside the verification text, as a figure, and the area it covers.
    fn qr_code(&mut self, verification: &Verification) -> Result<(TagGroup, Rect), RenderError> {
        let top = self.qr_top;
        let code = QrCode::new(verification.url.as_bytes())
            .map_err(|error| RenderError::QrCode(error.to_string()))?;
        let modules = code.width();
        let module = (QR_SIZE - 8.0) / modules as f32;
        let left = PAGE_WIDTH - MARGIN - QR_SIZE + 4.0;
        let mut path = PathBuilder::new();
        for (index, color) in code.to_colors().iter().enumerate() {
            if *color == Color::Dark {
                let (row, column) = (index / modules, index % modules);
                let x = left + column as f32 * module;
                let y = top + 4.0 + row as f32 * module;
                if let Some(rect) = Rect::from_xywh(x, y, module, module) {
                    path.push_rect(rect);
                }
            }
        }
        let mut figure = TagGroup::new(Tag::Figure(Some(verification.qr_description.clone())));
        let id = self.surface.start_tagged(ContentTag::Other);
        self.surface.set_fill(Some(solid((0, 0, 0))));
        if let Some(path) = path.finish() {
            self.surface.draw_path(&path);
        }
        self.surface.end_tagged();
        figure.push(id);
        let area = Rect::from_xywh(left - 4.0, top, QR_SIZE, QR_SIZE).expect("a square");
        Ok((figure, area))
    }

    /// `text` broken into lines that fit `width`, as one tag group.
    fn wrapped(
        &mut self,
        tag: TagKind,
        face: &Face,
        size: f32,
        x: f32,
        width: f32,
        text: &str,
    ) -> Node {
        let mut group = TagGroup::new(tag);
        for line in face.wrap(text, size, width) {
            group.push(self.line(face, size, x, &line, (0, 0, 0)));
        }
        group.into()
    }

    /// One line of text at `x`, below the previous one, tagged as a span.
    fn line(
        &mut self,
        face: &Face,
        size: f32,
        x: f32,
        text: &str,
        color: (u8, u8, u8),
    ) -> krilla::tagging::Identifier {
        let baseline = self.y + size;
        self.surface.set_fill(Some(solid(color)));
        let id = self
            .surface
            .start_tagged(ContentTag::Span(SpanTag::empty()));
        self.surface.draw_text(
            Point::from_xy(x, baseline),
            face.font.clone(),
            size,
            text,
            false,
            TextDirection::Auto,
        );
        self.surface.end_tagged();
        self.y += size * LEADING;
        id
    }

    /// A horizontal line at the current height: decoration, not content.
    fn rule(&mut self, x: f32, width: f32, thickness: f32, color: (u8, u8, u8)) {
        let Some(rect) = Rect::from_xywh(x, self.y, width, thickness) else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        self.surface
            .start_tagged(ContentTag::Artifact(Artifact::default()));
        self.surface.set_fill(Some(solid(color)));
        if let Some(path) = path.finish() {
            self.surface.draw_path(&path);
        }
        self.surface.end_tagged();
        self.y += thickness + 4.0;
    }
}

/// The QR code as a link to the verification page, so it opens with a click in a PDF reader too.
fn link(page: &mut Page, (figure, area): (TagGroup, Rect), verification: &Verification) -> Node {
    let target = Target::Action(LinkAction::new(verification.url.clone()).into());
    let annotation = Annotation::new_link(
        LinkAnnotation::new(area, target),
        Some(verification.qr_description.clone()),
    );
    let annotation = page.add_tagged_annotation(annotation);
    TagGroup::with_children(Tag::Link, vec![figure.into(), annotation.into()]).into()
}

fn solid((red, green, blue): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(red, green, blue).into(),
        ..Fill::default()
    }
}
