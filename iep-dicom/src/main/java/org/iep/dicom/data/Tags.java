package org.iep.dicom.data;

/**
 * Hand-picked tag constants ({@code 0xGGGGEEEE}) for the attributes the toolkit's own code uses.
 * Names are the PS3.6 keywords. The full dictionary (keywords, VRs, VMs of every PS3.6 element)
 * is {@link org.iep.dicom.dict.ElementDictionary}; add constants here only when code needs them.
 */
public final class Tags {

    private Tags() {
    }

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;
    public static final int FileSetID = 0x00041130;
    public static final int OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0x00041200;
    public static final int OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0x00041202;
    public static final int DirectoryRecordSequence = 0x00041220;
    public static final int OffsetOfTheNextDirectoryRecord = 0x00041400;
    public static final int OffsetOfReferencedLowerLevelDirectoryEntity = 0x00041420;
    public static final int DirectoryRecordType = 0x00041430;
    public static final int ReferencedFileID = 0x00041500;
    public static final int ReferencedSOPClassUIDInFile = 0x00041510;
    public static final int ReferencedSOPInstanceUIDInFile = 0x00041511;
    public static final int ReferencedTransferSyntaxUIDInFile = 0x00041512;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int ImageType = 0x00080008;
    public static final int InstanceCreationDate = 0x00080012;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int SeriesDate = 0x00080021;
    public static final int ContentDate = 0x00080023;
    public static final int StudyTime = 0x00080030;
    public static final int AccessionNumber = 0x00080050;
    public static final int Modality = 0x00080060;
    public static final int Manufacturer = 0x00080070;
    public static final int InstitutionName = 0x00080080;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int StudyDescription = 0x00081030;
    public static final int SeriesDescription = 0x0008103E;
    public static final int ReferencedSOPClassUID = 0x00081150;
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientSex = 0x00100040;
    public static final int OtherPatientNames = 0x00101001;
    public static final int PatientAge = 0x00101010;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int SeriesNumber = 0x00200011;
    public static final int InstanceNumber = 0x00200013;
    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int SamplesPerPixel = 0x00280002;
    public static final int PhotometricInterpretation = 0x00280004;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int HighBit = 0x00280102;
    public static final int PixelRepresentation = 0x00280103;
    public static final int RequestedProcedureCodeSequence = 0x00321064;
    public static final int ContentSequence = 0x0040A730;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;
    public static final int PixelData = 0x7FE00010;
    public static final int DataSetTrailingPadding = 0xFFFCFFFC;
}
